package io.fraudops.cli.bench;

import io.fraudops.feature.synthetic.SyntheticWorld;
import java.util.Objects;

/**
 * Options of {@code bench}. Without {@code redisUrl} / {@code jdbcUrl} an embedded Redis /
 * PostgreSQL is started on loopback; with them the benchmark measures those stores instead.
 *
 * @param measure payments timed single-threaded, and again in the concurrent phase
 * @param warmup payments written first, so customers have a history and the JIT has compiled the
 *     path
 * @param redisKeyPrefix prefix of the online-store keys written
 */
public record BenchOptions(
    int measure,
    int warmup,
    int customers,
    int merchants,
    long seed,
    int threads,
    String redisUrl,
    String redisKeyPrefix,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    String model) {

  public static final String DEFAULT_MODEL = "classpath:models/demo-fraud-model.json";

  public BenchOptions {
    if (measure < 1 || warmup < 0 || customers < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "measure, customers and threads must be >= 1, warmup >= 0");
    }
    if (merchants < SyntheticWorld.MIN_MERCHANTS) {
      throw new IllegalArgumentException("merchants must be >= " + SyntheticWorld.MIN_MERCHANTS);
    }
    Objects.requireNonNull(redisKeyPrefix, "redisKeyPrefix");
    if (jdbcUrl == null && (jdbcUser != null || jdbcPassword != null)) {
      throw new IllegalArgumentException(
          "--spring.datasource.username and --spring.datasource.password need --spring.datasource.url");
    }
  }

  public boolean embeddedRedis() {
    return redisUrl == null;
  }

  public boolean embeddedPostgres() {
    return jdbcUrl == null;
  }
}
