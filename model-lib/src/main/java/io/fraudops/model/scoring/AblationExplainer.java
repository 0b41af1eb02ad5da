package io.fraudops.model.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reason codes by ablation, for any model: contribution of feature i = p(row) - p(row with feature
 * i set to its baseline). Features already at their baseline contribute nothing and are not
 * re-scored.
 *
 * <p>Cost: one extra model evaluation per feature that differs from its baseline, so up to {@code
 * featureCount} single-row predictions (20 features at ~2-3 µs each: ~50 µs per explained row).
 * Interactions are not shared out fairly as SHAP would; two features that only matter together each
 * get the whole joint effect. Cheap, model-agnostic and easy to explain to an analyst, which is
 * what reason codes need.
 */
public final class AblationExplainer implements ReasonExplainer {

  // A copy of the row per thread: the caller's array must not be modified, and scoring must not
  // allocate.
  private final ThreadLocal<double[]> scratch = new ThreadLocal<>();

  @Override
  public List<ReasonCode> explain(
      FraudModel model, double[] features, double probability, double[] baselines, int topN) {
    List<String> names = model.info().featureNames();
    if (features.length != names.size() || baselines.length != names.size()) {
      throw new IllegalArgumentException(
          "expected "
              + names.size()
              + " features and baselines, got "
              + features.length
              + " and "
              + baselines.length);
    }
    if (topN <= 0) {
      return List.of();
    }
    double[] row = scratch.get();
    if (row == null || row.length != features.length) {
      row = new double[features.length];
      scratch.set(row);
    }
    System.arraycopy(features, 0, row, 0, features.length);
    List<ReasonCode> reasons = new ArrayList<>();
    for (int i = 0; i < row.length; i++) {
      if (sameValue(features[i], baselines[i])) {
        continue;
      }
      row[i] = baselines[i];
      double contribution = probability - model.predictProbability(row);
      row[i] = features[i];
      if (contribution > 0) {
        reasons.add(new ReasonCode(names.get(i), features[i], contribution));
      }
    }
    // Stable sort: equal contributions keep feature order, so explanations are reproducible.
    reasons.sort(Comparator.comparingDouble(ReasonCode::contribution).reversed());
    return List.copyOf(reasons.subList(0, Math.min(topN, reasons.size())));
  }

  private static boolean sameValue(double a, double b) {
    return a == b || (Double.isNaN(a) && Double.isNaN(b));
  }
}
