package io.fraudops.cli.bench;

import io.fraudops.feature.synthetic.SyntheticWorld;

/**
 * Options of {@code bench}. Without {@code redisUrl} / {@code jdbcUrl} an embedded Redis / PostgreSQL
 * is started on loopback; with them the benchmark measures those stores instead.
 *
 * @param measure payments timed single-threaded, and again in the concurrent phase
 * @param warmup payments written first, so customers have a history and the JIT has compiled the path
 */
public record BenchOptions(
    int measure,
    int warmup,
    int customers,
    int merchants,
    long seed,
    int threads,
    String redisUrl,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    String model) {

  public static final String DEFAULT_MODEL = "classpath:models/demo-fraud-model.json";

  static final String USAGE =
      """
      usage: bench [--measure=20000] [--warmup=30000] [--customers=2000] [--merchants=300] [--seed=42]
                   [--threads=4] [--redis-url=redis://[user:password@]host:port]
                   [--jdbc-url=jdbc:postgresql://host:port/db --jdbc-user=u --jdbc-password=p]
                   [--model=classpath:models/demo-fraud-model.json | path/to/model.json]""";

  public BenchOptions {
    if (measure < 1 || warmup < 0 || customers < 1 || threads < 1) {
      throw new IllegalArgumentException("measure, customers and threads must be >= 1, warmup >= 0");
    }
    if (merchants < SyntheticWorld.MIN_MERCHANTS) {
      throw new IllegalArgumentException("merchants must be >= " + SyntheticWorld.MIN_MERCHANTS);
    }
    if (jdbcUrl == null && (jdbcUser != null || jdbcPassword != null)) {
      throw new IllegalArgumentException("--jdbc-user and --jdbc-password need --jdbc-url");
    }
  }

  public boolean embeddedRedis() {
    return redisUrl == null;
  }

  public boolean embeddedPostgres() {
    return jdbcUrl == null;
  }

  static BenchOptions parse(String[] args) {
    int measure = 20_000;
    int warmup = 30_000;
    int customers = 2000;
    int merchants = 300;
    long seed = 42;
    int threads = 4;
    String redisUrl = null;
    String jdbcUrl = null;
    String jdbcUser = null;
    String jdbcPassword = null;
    String model = DEFAULT_MODEL;
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      if (!arg.startsWith("--") || kv.length != 2) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      String value = kv[1];
      switch (kv[0]) {
        case "measure" -> measure = Integer.parseInt(value);
        case "warmup" -> warmup = Integer.parseInt(value);
        case "customers" -> customers = Integer.parseInt(value);
        case "merchants" -> merchants = Integer.parseInt(value);
        case "seed" -> seed = Long.parseLong(value);
        case "threads" -> threads = Integer.parseInt(value);
        case "redis-url" -> redisUrl = blankToNull(value);
        case "jdbc-url" -> jdbcUrl = blankToNull(value);
        case "jdbc-user" -> jdbcUser = blankToNull(value);
        // An empty password is a real value for some setups; only an absent option means "none".
        case "jdbc-password" -> jdbcPassword = value;
        case "model" -> model = value;
        default -> throw new IllegalArgumentException("unknown option --" + kv[0]);
      }
    }
    return new BenchOptions(
        measure, warmup, customers, merchants, seed, threads, redisUrl, jdbcUrl, jdbcUser, jdbcPassword, model);
  }

  private static String blankToNull(String value) {
    return value.isBlank() ? null : value;
  }
}
