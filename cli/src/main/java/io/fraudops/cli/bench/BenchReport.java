package io.fraudops.cli.bench;

import java.io.PrintWriter;
import java.util.List;

/** Prints the configuration and the figures, compact enough to paste into a ticket. */
final class BenchReport {

  private static final String ROW = "  %-37s %9s %9s %9s %9s %9s%n";
  private static final String FIGURES = "  %-37s %9.1f %9.1f %9.1f %9.1f %9.1f%n";

  private final PrintWriter out;

  BenchReport(PrintWriter out) {
    this.out = out;
  }

  void configuration(BenchOptions options, BenchStores stores, HotPath path, double perSecond) {
    out.println("fraud bench: scoring hot path (features + score), real stores on the wire");
    out.printf("  %-12s %s%n", "Redis", stores.redisDescription());
    out.printf("  %-12s %s%n", "PostgreSQL", stores.postgresDescription());
    out.printf(
        "  %-12s %s (%d features, %s)%n",
        "model", path.model(), path.modelFeatures(), options.model());
    out.printf(
        "  %-12s seed %d, %,d customers, %,d merchants, %.3f payments per simulated second%n",
        "data", options.seed(), options.customers(), options.merchants(), perSecond);
    out.printf(
        "  %-12s %,d warm-up, %,d measured on 1 thread, %,d on %d threads%n",
        "payments", options.warmup(), options.measure(), options.measure(), options.threads());
    out.printf(
        "  %-12s Java %s, %d CPUs%n",
        "host", Runtime.version(), Runtime.getRuntime().availableProcessors());
  }

  void timings(String setup) {
    out.printf("  %-12s %s%n", "setup", setup);
  }

  void phases(List<PhaseResult> phases) {
    out.println();
    out.printf(ROW, "latency, microseconds", "p50", "p99", "p99.9", "max", "mean");
    for (PhaseResult phase : phases) {
      Measurement m = phase.measurement();
      out.printf(
          "  %s, %,d payments%s%n",
          phase.threads() == 1 ? "1 thread" : phase.threads() + " threads",
          m.count(),
          phase.threads() == 1
              ? ""
              : String.format(", busiest thread %.0f %%", 100 * phase.largestShare()));
      line("features (Redis + cached profile)", m.features);
      line("score (input row + model)", m.score);
      line("features + score", m.total);
    }
    out.println();
    for (PhaseResult phase : phases) {
      Measurement m = phase.measurement();
      out.printf(
          "  throughput, %-19s %,9.0f payments/s  (degraded %d, mean fraud probability %.4f)%n",
          phase.threads() == 1 ? "1 thread" : phase.threads() + " threads",
          phase.paymentsPerSecond(),
          m.degraded(),
          m.meanProbability());
      if (m.degraded() > 0) {
        out.printf(
            "  WARNING: %,d results were degraded (a store failed); their latencies are not the hot path's%n",
            m.degraded());
      }
    }
  }

  private void line(String label, Latencies latencies) {
    out.printf(
        FIGURES,
        "  " + label,
        latencies.percentileMicros(50),
        latencies.percentileMicros(99),
        latencies.percentileMicros(99.9),
        latencies.maxMicros(),
        latencies.meanMicros());
  }
}
