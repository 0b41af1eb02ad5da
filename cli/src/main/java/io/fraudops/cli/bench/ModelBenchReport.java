package io.fraudops.cli.bench;

import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.Scorer;
import io.fraudops.model.scoring.TreeContributionExplainer;
import java.io.PrintWriter;
import java.util.List;

/** Prints what {@link ModelBench} measured, compact enough to paste into a ticket. */
final class ModelBenchReport {

  /**
   * Of {@code high} rows scored 0.5 or more, {@code same} had the same top reason from both
   * explainers, and for {@code inTop3} the tree explainer's top reason was among ablation's top
   * three.
   */
  record Agreement(int same, int inTop3, int high) {

    Agreement {
      if (same < 0 || same > inTop3 || inTop3 > high) {
        throw new IllegalArgumentException(
            "agreement " + same + " <= " + inTop3 + " <= " + high + " rows");
      }
    }
  }

  private static final String HEADER = "  %-34s %10s %9s %9s %9s %9s %9s%n";
  private static final String FIGURES = "  %-34s %,10d %9.2f %9.2f %9.2f %9.1f %9.2f%n";

  private final PrintWriter out;

  ModelBenchReport(PrintWriter out) {
    this.out = out;
  }

  void configuration(
      ModelBenchOptions options, ModelBenchSubject subject, int warmup, int ablationCalls) {
    ModelArtifact artifact = subject.artifact();
    out.println("fraud bench-model: model scoring in process, no stores");
    out.printf(
        "  %-12s %s:%s (%s)%n",
        "model", artifact.info().name(), artifact.info().version(), subject.source());
    out.printf(
        "  %-12s %s%n",
        "trees",
        artifact.explainer() instanceof TreeContributionExplainer trees
            ? trees.ensemble().toString()
            : "not read ("
                + artifact.info().format()
                + "), "
                + artifact.info().featureCount()
                + " features");
    out.printf("  %-12s %s%n", "explainer", artifact.explainer().getClass().getSimpleName());
    out.printf("  %-12s %s%n", "rows", subject.rowsDescription());
    out.printf(
        "  %-12s Java %s (%s), %d CPUs%n",
        "host",
        Runtime.version(),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors());
    out.printf(
        "  %-12s %,d per single-row phase (ablation %,d) after %,d warm-up; batch phases %,d rows per thread%n",
        "calls", options.calls(), ablationCalls, warmup, options.calls());
  }

  void latencies(Latencies predict, Latencies tree, Latencies ablation) {
    out.println();
    out.printf(HEADER, "single row, microseconds", "calls", "p50", "p99", "p99.9", "max", "mean");
    line("predictProbability", predict);
    if (tree != null) {
      line("score + " + Scorer.DEFAULT_TOP_REASONS + " tree reasons", tree);
    } else {
      out.printf("  %-34s %s%n", "score + tree reasons", "n/a: the model's trees are not readable");
    }
    line("score + " + Scorer.DEFAULT_TOP_REASONS + " ablation reasons", ablation);
  }

  void throughput(int batchSize, List<BatchThroughput.Result> phases) {
    out.println();
    out.printf(
        "  %-34s %10s %12s %12s%n",
        "predictProbabilities, batch " + batchSize, "batches", "rows/s", "us/batch");
    for (BatchThroughput.Result phase : phases) {
      out.printf(
          "  %-34s %,10d %,12.0f %12.1f%n",
          phase.threads() == 1 ? "1 thread" : phase.threads() + " threads",
          phase.batches() * phase.threads(),
          phase.rowsPerSecond(),
          phase.microsPerBatch());
    }
  }

  void agreement(Agreement agreement) {
    out.println();
    if (agreement.high() == 0) {
      out.println("  top reason, tree vs ablation: no row scored >= 0.5");
      return;
    }
    out.printf(
        "  top reason, tree vs ablation: same on %,d of %,d rows scored >= 0.5 (%.1f %%),"
            + " among ablation's top 3 on %,d (%.1f %%)%n",
        agreement.same(),
        agreement.high(),
        100.0 * agreement.same() / agreement.high(),
        agreement.inTop3(),
        100.0 * agreement.inTop3() / agreement.high());
  }

  private void line(String label, Latencies latencies) {
    out.printf(
        FIGURES,
        label,
        latencies.count(),
        latencies.percentileMicros(50),
        latencies.percentileMicros(99),
        latencies.percentileMicros(99.9),
        latencies.maxMicros(),
        latencies.meanMicros());
  }
}
