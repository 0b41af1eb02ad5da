package io.fraudops.cli.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./fraud bench-model}: the options of {@link ModelBench}. */
@Command(
    name = "bench-model",
    header = "Times the model alone, in process: latency per payment, rows/s in batches.",
    description = {
      "Times the model alone, in process, on realistic feature rows: one payment scored (probability, with"
          + " tree reasons, with ablation reasons; p50/p99/p99.9) and batch rows/s on 1 and on --threads threads.",
    })
public final class BenchModelCommand implements Callable<Integer> {

  @Option(
      names = "--model",
      paramLabel = "<location>",
      defaultValue = BenchOptions.DEFAULT_MODEL,
      description = "The model: a path, or classpath:...; ignored with --trees and --depth.")
  String model;

  @Option(
      names = "--calls",
      paramLabel = "<n>",
      defaultValue = "1000000",
      description =
          "Timed calls per single-row phase (ablation takes a tenth), and rows per thread in batches.")
  int calls;

  @Option(
      names = "--batch",
      paramLabel = "<rows>",
      defaultValue = "1024",
      description = "Rows per batch call.")
  int batch;

  @Option(
      names = "--threads",
      paramLabel = "<n>",
      description = "Threads of the second batch phase. Default: the number of CPUs.")
  Integer threads;

  @Option(
      names = "--trees",
      paramLabel = "<n>",
      defaultValue = "0",
      description =
          "With --depth: train a synthetic model of this many trees instead of loading one.")
  int trees;

  @Option(
      names = "--depth",
      paramLabel = "<n>",
      defaultValue = "0",
      description = "Depth of the synthetic model's trees.")
  int depth;

  @Option(
      names = "--transactions",
      paramLabel = "<n>",
      defaultValue = "20000",
      description = "Size of the synthetic history the feature rows come from.")
  int transactions;

  @Option(
      names = "--seed",
      paramLabel = "<n>",
      defaultValue = "7",
      description = "Seed of the synthetic history.")
  long seed;

  @Spec CommandSpec spec;

  /** The options, checked by {@link ModelBenchOptions}. */
  ModelBenchOptions options() {
    try {
      return new ModelBenchOptions(
          model,
          calls,
          batch,
          threads != null ? threads : Runtime.getRuntime().availableProcessors(),
          trees,
          depth,
          transactions,
          seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws Exception {
    ModelBench.run(options(), spec.commandLine().getOut());
    return 0;
  }
}
