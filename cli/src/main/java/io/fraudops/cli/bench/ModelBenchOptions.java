package io.fraudops.cli.bench;

import io.fraudops.model.training.TrainingParams;

/**
 * Options of {@code bench-model}.
 *
 * @param model where to load the model from; ignored when {@code trees} and {@code depth} ask for a
 *     synthetic one
 * @param calls timed single-row calls per latency phase (ablation reasons take a tenth of them),
 *     and rows per thread in the batch phases
 * @param trees with {@code depth}, train a synthetic model of that size instead of loading one; 0 =
 *     load
 * @param transactions size of the synthetic payment history the feature rows come from
 */
public record ModelBenchOptions(
    String model,
    int calls,
    int batch,
    int threads,
    int trees,
    int depth,
    int transactions,
    long seed) {

  public ModelBenchOptions {
    require(calls >= 1 && batch >= 1 && threads >= 1, "calls, batch and threads must be >= 1");
    require((trees == 0) == (depth == 0), "--trees and --depth go together");
    require(
        trees == 0 || (trees >= 1 && depth >= 1 && depth <= TrainingParams.MAX_DEPTH),
        "--trees must be >= 1 and --depth in 1.." + TrainingParams.MAX_DEPTH);
    // The history generator needs some volume to produce labelled fraud at all.
    require(transactions >= 1000, "--transactions must be >= 1000");
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
