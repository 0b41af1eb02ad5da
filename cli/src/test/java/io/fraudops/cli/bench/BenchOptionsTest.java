package io.fraudops.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The bench's option parsing, password masking and percentiles; the measuring itself needs real servers. */
class BenchOptionsTest {

  @Test
  void defaultsRunEmbeddedStoresAtTheDocumentedSizes() {
    BenchOptions options = BenchOptions.parse(new String[0]);
    assertThat(options.measure()).isEqualTo(20_000);
    assertThat(options.warmup()).isEqualTo(30_000);
    assertThat(options.customers()).isEqualTo(2000);
    assertThat(options.merchants()).isEqualTo(300);
    assertThat(options.threads()).isEqualTo(4);
    assertThat(options.embeddedRedis()).isTrue();
    assertThat(options.embeddedPostgres()).isTrue();
    assertThat(options.model()).isEqualTo(BenchOptions.DEFAULT_MODEL);
  }

  @Test
  void readsEveryOption() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {
              "--measure=10", "--warmup=0", "--customers=5", "--merchants=100", "--seed=7", "--threads=2",
              "--redis-url=redis://r:6379", "--jdbc-url=jdbc:postgresql://p/db", "--jdbc-user=u",
              "--jdbc-password=p=w", "--model=/tmp/m.json"
            });
    assertThat(options)
        .isEqualTo(
            new BenchOptions(
                10, 0, 5, 100, 7, 2, "redis://r:6379", "jdbc:postgresql://p/db", "u", "p=w", "/tmp/m.json"));
  }

  @Test
  void rejectsUnknownAndMalformedOptions() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--transactions=5"}))
        .hasMessageContaining("unknown option --transactions");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"measure=5"})).hasMessageContaining("--name=value");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--threads=0"})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--jdbc-user=u"})).hasMessageContaining("--jdbc-url");
  }

  @Test
  void percentilesAreNearestRank() {
    Latencies latencies = new Latencies(1000);
    for (int i = 1000; i >= 1; i--) {
      latencies.record(i * 1000L);
    }
    assertThat(latencies.percentileMicros(50)).isEqualTo(500.0);
    assertThat(latencies.percentileMicros(99)).isEqualTo(990.0);
    assertThat(latencies.percentileMicros(99.9)).isEqualTo(999.0);
    assertThat(latencies.maxMicros()).isEqualTo(1000.0);
    assertThat(new Latencies(1).percentileMicros(50)).isNaN();
  }
}
