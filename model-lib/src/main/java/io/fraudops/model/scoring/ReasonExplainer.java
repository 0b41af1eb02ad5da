package io.fraudops.model.scoring;

import java.util.List;

/**
 * Explains a score: which features pushed it up. A strategy so SHAP-style explainers can replace
 * ablation.
 */
public interface ReasonExplainer {

  /**
   * @param probability the model's probability for {@code features}, already computed by the caller
   * @param baselines per feature (model order) a "typical" value, e.g. the training median
   * @return at most {@code topN} reasons with positive contribution, largest first
   */
  List<ReasonCode> explain(
      FraudModel model, double[] features, double probability, double[] baselines, int topN);
}
