package io.fraudops.cli.bench;

import io.fraudops.model.training.TrainingParams;
import io.fraudops.cli.backfill.CommandLine;
import java.util.Set;

/**
 * Options of {@code bench-model}.
 *
 * @param model where to load the model from; ignored when {@code trees} and {@code depth} ask for a
 *     synthetic one
 * @param calls timed single-row calls per latency phase (ablation reasons take a tenth of them), and
 *     rows per thread in the batch phases
 * @param trees with {@code depth}, train a synthetic model of that size instead of loading one; 0 = load
 * @param transactions size of the synthetic payment history the feature rows come from
 */
public record ModelBenchOptions(
    String model, int calls, int batch, int threads, int trees, int depth, int transactions, long seed) {

  static final String USAGE =
      """
      usage: bench-model [--model=classpath:models/demo-fraud-model.json | path/to/model.json]
                         [--calls=1000000] [--batch=1024] [--threads=<cores>] [--trees=N --depth=D]
                         [--transactions=20000] [--seed=7]""";

  private static final Set<String> KNOWN =
      Set.of("model", "calls", "batch", "threads", "trees", "depth", "transactions", "seed");

  public ModelBenchOptions {
    require(calls >= 1 && batch >= 1 && threads >= 1, "calls, batch and threads must be >= 1");
    require((trees == 0) == (depth == 0), "--trees and --depth go together");
    require(
        trees == 0 || (trees >= 1 && depth >= 1 && depth <= TrainingParams.MAX_DEPTH),
        "--trees must be >= 1 and --depth in 1.." + TrainingParams.MAX_DEPTH);
    // The history generator needs some volume to produce labelled fraud at all.
    require(transactions >= 1000, "--transactions must be >= 1000");
  }

  static ModelBenchOptions parse(String[] args) {
    CommandLine line = CommandLine.parse(args, KNOWN);
    return new ModelBenchOptions(
        line.get("model", BenchOptions.DEFAULT_MODEL),
        line.integer("calls", 1_000_000),
        line.integer("batch", 1024),
        line.integer("threads", Runtime.getRuntime().availableProcessors()),
        line.integer("trees", 0),
        line.integer("depth", 0),
        line.integer("transactions", 20_000),
        Long.parseLong(line.get("seed", "7")));
  }

  boolean synthetic() {
    return trees > 0;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
