package io.fraudops.cli.bench;

import io.fraudops.cli.stores.DataSourceOptions;
import io.fraudops.cli.stores.RedisOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./fraud bench}: the options of {@link HotPathBench}. */
@Command(
    name = "bench",
    header = "Times the scoring hot path (features + score) against real stores.",
    description = {
      "Times the scoring hot path, a payment's features (Redis + PostgreSQL) then its score, against real"
          + " stores: p50/p99/p99.9 and throughput on 1 and on --threads threads.",
      "Embedded stores on loopback unless given. Given stores receive writes (the schema, synthetic profiles"
          + " C000001..., online-store keys): point it at scratch ones, not at production."
    })
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--measure",
      paramLabel = "<n>",
      defaultValue = "20000",
      description = "Payments timed on 1 thread, and again on --threads.")
  int measure;

  @Option(
      names = "--warmup",
      paramLabel = "<n>",
      defaultValue = "30000",
      description = "Payments written first: a history, and a warm JIT.")
  int warmup;

  @Option(
      names = "--customers",
      paramLabel = "<n>",
      defaultValue = "2000",
      description = "Synthetic customers.")
  int customers;

  @Option(
      names = "--merchants",
      paramLabel = "<n>",
      defaultValue = "300",
      description = "Synthetic merchants.")
  int merchants;

  @Option(
      names = "--seed",
      paramLabel = "<n>",
      defaultValue = "42",
      description = "Seed of the synthetic payments.")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "<n>",
      defaultValue = "4",
      description = "Threads of the concurrent phase.")
  int threads;

  @Option(
      names = "--model",
      paramLabel = "<location>",
      defaultValue = BenchOptions.DEFAULT_MODEL,
      description = "The model: a path, or classpath:...")
  String model;

  @Mixin RedisOptions redis;
  @Mixin DataSourceOptions dataSource;
  @Spec CommandSpec spec;

  /** The options, checked by {@link BenchOptions}. */
  public BenchOptions options() {
    try {
      return new BenchOptions(
          measure,
          warmup,
          customers,
          merchants,
          seed,
          threads,
          redis.url(),
          redis.keyPrefix(),
          dataSource.url(),
          dataSource.username(),
          dataSource.password(),
          model);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws Exception {
    HotPathBench.run(options(), spec.commandLine().getOut());
    return 0;
  }
}
