package io.fraudops.model.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reason codes read off the trees' decision paths (Saabas attribution), for a CatBoost model whose
 * oblivious trees are known ({@link ObliviousEnsemble}). Each split on a row's path moves the
 * tree's expected value from the training-weighted mean below the path so far to the mean below the
 * path one level further; that step is credited to the split's feature. Summed over trees,
 * contributions add up to raw(row) - expected raw.
 *
 * <p>Why not exact TreeSHAP: it costs O(trees x leaves x depth^2) per row (300 trees of depth 6:
 * ~10^6 steps), far beyond a per-payment budget, while this walks each tree once, O(trees x depth),
 * the cost of a prediction, with no extra model calls (ablation needs one per feature). The price:
 * Saabas credit depends on the order in which a tree splits on its features, so it lacks SHAP's
 * consistency guarantee (Lundberg et al., 2018). Reason codes tolerate that; they rank features for
 * an analyst, they do not apportion money.
 *
 * <p>Raw contributions are log-odds; they become probability points by one common factor, {@code (p
 * - p0) / (raw - raw0)} with {@code p0 = sigmoid(raw0)} the expected raw's probability, so they add
 * up to {@code p - p0} and keep their ranking. When {@code raw} equals {@code raw0} (to 1e-9) the
 * factor is the sigmoid's slope there, the limit of that ratio.
 *
 * <p>The reference is the training population the leaf weights describe, not a baseline row: the
 * {@code baselines} argument is ignored. {@code p} is recomputed from the trees rather than taken
 * from the caller, so contributions sum exactly; parity with catboost4j is checked when {@link
 * ModelArtifact} picks this explainer. Thread-safe; contributions go to a per-thread array, so an
 * explained row allocates only the list of reason codes it returns.
 */
public final class TreeContributionExplainer implements ReasonExplainer {

  private static final double SAME_RAW = 1e-9;

  private final ObliviousEnsemble ensemble;
  private final double expectedRaw;
  private final double expectedProbability;
  private final ThreadLocal<double[]> scratch;

  public TreeContributionExplainer(ObliviousEnsemble ensemble) {
    this.ensemble = Objects.requireNonNull(ensemble, "ensemble");
    this.expectedRaw = ensemble.expectedRaw();
    this.expectedProbability = Sigmoid.apply(expectedRaw);
    this.scratch = ThreadLocal.withInitial(() -> new double[ensemble.featureCount()]);
  }

  public ObliviousEnsemble ensemble() {
    return ensemble;
  }

  @Override
  public List<ReasonCode> explain(
      FraudModel model, double[] features, double probability, double[] baselines, int topN) {
    List<String> names = model.info().featureNames();
    if (names.size() != ensemble.featureCount() || features.length != names.size()) {
      throw new IllegalArgumentException(
          "the trees read "
              + ensemble.featureCount()
              + " features, model "
              + model.info().name()
              + " has "
              + names.size()
              + ", the row "
              + features.length);
    }
    if (topN <= 0) {
      return List.of();
    }
    double[] contributions = scratch.get();
    double raw = ensemble.contributions(features, contributions);
    double factor = toProbabilityPoints(raw);
    ReasonCode[] top = new ReasonCode[Math.min(topN, contributions.length)];
    int found = 0;
    while (found < top.length) {
      // Largest first; strict > keeps the lowest feature index among equals, as a stable sort
      // would.
      int best = -1;
      double bestPoints = 0;
      for (int f = 0; f < contributions.length; f++) {
        double points = contributions[f] * factor;
        if (points > bestPoints) {
          best = f;
          bestPoints = points;
        }
      }
      if (best < 0) {
        break;
      }
      top[found++] = new ReasonCode(names.get(best), features[best], bestPoints);
      contributions[best] = 0; // taken
    }
    return List.of(Arrays.copyOf(top, found));
  }

  /**
   * The common factor from log-odds to probability points, always > 0 (0 once the sigmoid
   * saturates).
   */
  private double toProbabilityPoints(double raw) {
    double delta = raw - expectedRaw;
    if (Math.abs(delta) > SAME_RAW) {
      return (Sigmoid.apply(raw) - expectedProbability) / delta;
    }
    double p = Sigmoid.apply((raw + expectedRaw) / 2);
    return p * (1 - p);
  }

  @Override
  public String toString() {
    return "tree-path (Saabas) reasons over " + ensemble;
  }
}
