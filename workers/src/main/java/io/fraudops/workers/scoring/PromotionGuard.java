package io.fraudops.workers.scoring;

import io.fraudops.model.drift.Bins;
import io.fraudops.model.drift.DriftReference;
import io.fraudops.model.drift.Psi;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a promotion whose model or configuration would decide recent traffic very differently: a
 * well-formed model with a wrong bias would otherwise decline (or approve) every payment the moment
 * its alias moves. Both serving sets score the same recent payments; the decline rate, the review
 * rate and the score distribution (PSI over the serving scores' deciles) must stay within the
 * bounds. A feature mapping in the configuration is checked against what the model was trained on,
 * with or without a model serving.
 */
final class PromotionGuard {

  private final GuardProperties bounds;

  PromotionGuard(GuardProperties bounds) {
    this.bounds = bounds;
  }

  /** Why {@code candidate} must not serve, or empty when it may. */
  Optional<String> refusal(ServingSet candidate, ServingSet current, List<Map<?, ?>> recent) {
    if (!bounds.enabled() || candidate.decision == null) {
      return Optional.empty();
    }
    if (recent.size() < bounds.minSample()) {
      return Optional.empty();
    }
    StringBuilder why = new StringBuilder();
    mappings(candidate.decision, recent, why);
    if (current.decision != null) {
      compare(candidate, current, recent, why);
    }
    if (why.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "promotion guard: on the last "
            + recent.size()
            + " payments "
            + why.substring(0, why.length() - 2)
            + " (fraud.model.guard.*)");
  }

  private void compare(
      ServingSet candidate, ServingSet current, List<Map<?, ?>> recent, StringBuilder why) {
    double[] before = scores(current, recent);
    double[] after = scores(candidate, recent);
    double declineBefore = share(before, current.thresholds.decline(), Double.POSITIVE_INFINITY);
    double declineAfter = share(after, candidate.thresholds.decline(), Double.POSITIVE_INFINITY);
    double reviewBefore = share(before, current.thresholds.review(), current.thresholds.decline());
    double reviewAfter =
        share(after, candidate.thresholds.review(), candidate.thresholds.decline());
    double psi = psi(before, after);
    if (Math.abs(declineAfter - declineBefore) > bounds.maxDeclineRateChange()) {
      why.append(
          String.format(
              "decline rate %.1f%% -> %.1f%% (bound ±%.1f points); ",
              100 * declineBefore, 100 * declineAfter, 100 * bounds.maxDeclineRateChange()));
    }
    if (Math.abs(reviewAfter - reviewBefore) > bounds.maxReviewRateChange()) {
      why.append(
          String.format(
              "review rate %.1f%% -> %.1f%% (bound ±%.1f points); ",
              100 * reviewBefore, 100 * reviewAfter, 100 * bounds.maxReviewRateChange()));
    }
    if (psi > bounds.maxScorePsi()) {
      why.append(
          String.format(
              "score PSI %.3f against the serving model (bound %.2f); ",
              psi, bounds.maxScorePsi()));
    }
  }

  /**
   * The semantic check of a feature mapping: a model input read from another catalogue feature must
   * look, on recent traffic, like what the model was trained on under its own name (the sidecar's
   * drift reference). A mapping to the wrong feature (a count where an amount was meant, a ratio
   * where a distance was) passes every structural check and scores nonsense; its PSI against the
   * training distribution is far above any drift a real rename shows. Inputs read under their own
   * name are the drift monitor's business, not this check's; without a reference nothing is
   * checked.
   */
  private void mappings(LoadedModel model, List<Map<?, ?>> recent, StringBuilder why) {
    DriftReference reference = model.artifact.metadata().driftReference();
    if (reference == null) {
      return;
    }
    List<String> names = model.artifact.info().featureNames();
    for (int i = 0; i < names.size(); i++) {
      String input = names.get(i);
      String source = model.inputs[i];
      if (input.equals(source)) {
        continue;
      }
      Bins trained =
          reference.features().stream()
              .filter(b -> b.name().equals(input))
              .findFirst()
              .orElse(null);
      if (trained == null) {
        continue;
      }
      int[] counts = new int[trained.binCount()];
      for (Map<?, ?> row : recent) {
        double value = row.get(source) instanceof Number n ? n.doubleValue() : Double.NaN;
        counts[trained.binOf(value)]++;
      }
      double psi = Psi.of(trained, counts);
      if (psi > bounds.maxMappingPsi()) {
        why.append(
            String.format(
                "feature mapping %s <- %s: the source's distribution disagrees with what %s was trained on"
                    + " (PSI %.2f, bound %.2f); ",
                input, source, input, psi, bounds.maxMappingPsi()));
      }
    }
  }

  private double[] scores(ServingSet set, List<Map<?, ?>> rows) {
    if (!set.tryAcquire()) {
      throw new IllegalStateException("the serving set was retired while the guard compared it");
    }
    try {
      // Straight through the decision model: no drift window, no latency metric, no shadows.
      LoadedModel model = set.decision;
      String[] missing = new String[1];
      double[] scores = new double[rows.size()];
      for (int i = 0; i < scores.length; i++) {
        double[] row = model.row(rows.get(i), missing);
        scores[i] = row == null ? Double.NaN : model.scorer.score(row).probability();
      }
      return scores;
    } finally {
      set.release();
    }
  }

  private static double share(double[] scores, double atLeast, double below) {
    long n = Arrays.stream(scores).filter(s -> s >= atLeast && s < below).count();
    return (double) n / scores.length;
  }

  /** PSI of the new scores over the deciles of the serving scores. */
  static double psi(double[] before, double[] after) {
    double[] sorted = Arrays.stream(before).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (sorted.length == 0) {
      return 0;
    }
    double[] edges = new double[9];
    for (int q = 1; q <= 9; q++) {
      edges[q - 1] =
          sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length / 10.0))];
    }
    return Psi.between(shares(before, edges), shares(after, edges));
  }

  private static double[] shares(double[] scores, double[] edges) {
    double[] counts = new double[edges.length + 1];
    int total = 0;
    for (double s : scores) {
      if (Double.isNaN(s)) {
        continue;
      }
      int bin = 0;
      while (bin < edges.length && s > edges[bin]) {
        bin++;
      }
      counts[bin]++;
      total++;
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] = total == 0 ? 0 : counts[i] / total;
    }
    return counts;
  }
}
