package io.fraudops.cli.bench;

import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.transaction.Transaction;
import java.util.List;

/**
 * Timings of screened payments, for one thread: features, score and both, each payment separately.
 */
final class Measurement {

  final Latencies features;
  final Latencies score;
  final Latencies total;
  private int degraded;
  private double probabilitySum;

  Measurement(int capacity) {
    this(new Latencies(capacity), new Latencies(capacity), new Latencies(capacity));
  }

  private Measurement(Latencies features, Latencies score, Latencies total) {
    this.features = features;
    this.score = score;
    this.total = total;
  }

  /**
   * Times one payment. Three clock reads: "both" is a real interval, not a sum of two rounded ones.
   */
  void screen(HotPath path, Transaction tx) {
    long start = System.nanoTime();
    FeatureResult result = path.features(tx);
    long featured = System.nanoTime();
    double probability = path.score(result.vector()).probability();
    long scored = System.nanoTime();
    features.record(featured - start);
    score.record(scored - featured);
    total.record(scored - start);
    // A degraded result is fast because a store failed: counted, so a sick store cannot look quick.
    if (!result.complete()) {
      degraded++;
    }
    probabilitySum += probability;
  }

  int count() {
    return total.count();
  }

  int degraded() {
    return degraded;
  }

  double meanProbability() {
    return count() == 0 ? Double.NaN : probabilitySum / count();
  }

  /** All threads' samples together, for percentiles over the whole concurrent phase. */
  static Measurement merge(List<Measurement> parts) {
    Measurement merged =
        new Measurement(
            Latencies.merge(parts.stream().map(m -> m.features).toList()),
            Latencies.merge(parts.stream().map(m -> m.score).toList()),
            Latencies.merge(parts.stream().map(m -> m.total).toList()));
    for (Measurement part : parts) {
      merged.degraded += part.degraded;
      merged.probabilitySum += part.probabilitySum;
    }
    return merged;
  }
}
