package io.fraudops.model.scoring;

import java.util.List;
import java.util.Objects;

/**
 * Scores one transaction's features and explains the score. Thread-safe when the model and
 * explainer are.
 */
public final class Scorer {

  public static final int DEFAULT_TOP_REASONS = 3;

  private final FraudModel model;
  private final ReasonExplainer explainer;
  private final double[] baselines;
  private final int topReasons;

  public Scorer(FraudModel model, ReasonExplainer explainer, double[] baselines) {
    this(model, explainer, baselines, DEFAULT_TOP_REASONS);
  }

  /**
   * @param baselines per feature in model order, see {@link ReasonExplainer#explain}
   */
  public Scorer(FraudModel model, ReasonExplainer explainer, double[] baselines, int topReasons) {
    this.model = Objects.requireNonNull(model, "model");
    this.explainer = Objects.requireNonNull(explainer, "explainer");
    if (baselines.length != model.info().featureCount()) {
      throw new IllegalArgumentException(
          "model "
              + model.info().name()
              + " has "
              + model.info().featureCount()
              + " features but "
              + baselines.length
              + " baselines were given");
    }
    if (topReasons < 0) {
      throw new IllegalArgumentException("topReasons must be >= 0");
    }
    this.baselines = baselines.clone();
    this.topReasons = topReasons;
  }

  public ScoreResult score(double[] features) {
    double probability = model.predictProbability(features);
    List<ReasonCode> reasons =
        explainer.explain(model, features, probability, baselines, topReasons);
    ModelInfo info = model.info();
    return new ScoreResult(probability, info.name(), info.version(), reasons);
  }

  public FraudModel model() {
    return model;
  }
}
