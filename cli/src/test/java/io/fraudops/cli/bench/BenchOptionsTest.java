package io.fraudops.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.cli.RunFraud;
import org.junit.jupiter.api.Test;

/**
 * The bench's options, password masking and percentiles; the measuring itself needs real servers.
 */
class BenchOptionsTest {

  @Test
  void defaultsRunEmbeddedStoresAtTheDocumentedSizes() {
    BenchOptions options = RunFraud.parsed(BenchCommand.class, "bench").options();
    assertThat(options.measure()).isEqualTo(20_000);
    assertThat(options.warmup()).isEqualTo(30_000);
    assertThat(options.customers()).isEqualTo(2000);
    assertThat(options.merchants()).isEqualTo(300);
    assertThat(options.threads()).isEqualTo(4);
    assertThat(options.embeddedRedis()).isTrue();
    assertThat(options.embeddedPostgres()).isTrue();
    assertThat(options.redisKeyPrefix()).isEqualTo("fraud:features:");
    assertThat(options.model()).isEqualTo(BenchOptions.DEFAULT_MODEL);
  }

  @Test
  void readsEveryOptionUnderTheApplicationsPropertyNames() {
    BenchOptions options =
        RunFraud.parsed(
                BenchCommand.class,
                "bench",
                "--measure=10",
                "--warmup=0",
                "--customers=5",
                "--merchants=100",
                "--seed=7",
                "--threads=2",
                "--fraud.redis.url=redis://r:6379",
                "--fraud.redis.key-prefix=bench:",
                "--spring.datasource.url=jdbc:postgresql://p/db",
                "--spring.datasource.username=u",
                "--spring.datasource.password=p=w",
                "--model=/tmp/m.json")
            .options();
    assertThat(options)
        .isEqualTo(
            new BenchOptions(
                10,
                0,
                5,
                100,
                7,
                2,
                "redis://r:6379",
                "bench:",
                "jdbc:postgresql://p/db",
                "u",
                "p=w",
                "/tmp/m.json"));
  }

  @Test
  void rejectsUnknownMalformedAndOldOptionsWithTheUsage() {
    RunFraud.Result unknown = RunFraud.run("bench", "--transactions=5");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("Unknown option: '--transactions=5'")
        .contains("Usage: fraud bench");

    assertThat(RunFraud.run("bench", "measure=5").err())
        .contains("Unmatched argument", "'measure=5'");
    assertThat(RunFraud.run("bench", "--redis-url=redis://r:6379").exit()).isEqualTo(2);

    RunFraud.Result threads = RunFraud.run("bench", "--threads=0");
    assertThat(threads.exit()).isEqualTo(2);
    assertThat(threads.err()).contains("fraud bench: measure, customers and threads must be >= 1");

    RunFraud.Result userWithoutUrl = RunFraud.run("bench", "--spring.datasource.username=u");
    assertThat(userWithoutUrl.exit()).isEqualTo(2);
    assertThat(userWithoutUrl.err()).contains("need --spring.datasource.url");
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
