package io.fraudops.model.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Drift of a model's inputs and score at one moment.
 *
 * @param model the model the reference belongs to, e.g. {@code demo-fraud-model:7}
 * @param windowSize the most observations the window keeps
 * @param observations observations in the window now, at most {@code windowSize}
 * @param features the input features that have reference bins, in the model's input order
 */
public record DriftSnapshot(
    String model,
    int windowSize,
    long observations,
    List<DriftMeasure> features,
    DriftMeasure score) {

  /** Highest PSI first; NaN (nothing observed) last. */
  public static final Comparator<DriftMeasure> BY_PSI_DESCENDING =
      Comparator.comparingDouble(
              (DriftMeasure m) -> Double.isNaN(m.psi()) ? Double.NEGATIVE_INFINITY : m.psi())
          .reversed();

  public DriftSnapshot {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("a drift snapshot names its model");
    }
    if (windowSize < 1 || observations < 0 || observations > windowSize) {
      throw new IllegalArgumentException(
          "need 0 <= observations (" + observations + ") <= window size (" + windowSize + ")");
    }
    features = List.copyOf(Objects.requireNonNull(features, "features"));
    Objects.requireNonNull(score, "score");
  }

  /** The features and the score, highest PSI first. */
  public List<DriftMeasure> byPsi() {
    List<DriftMeasure> all = new ArrayList<>(features);
    all.add(score);
    all.sort(BY_PSI_DESCENDING);
    return all;
  }

  /** The worst level among the features and the score. */
  public DriftLevel level() {
    DriftLevel worst = score.level();
    for (DriftMeasure feature : features) {
      if (feature.level().compareTo(worst) > 0) {
        worst = feature.level();
      }
    }
    return worst;
  }

  /** Features and score whose PSI is above {@code threshold}, highest first. */
  public List<DriftMeasure> above(double threshold) {
    return byPsi().stream().filter(m -> m.psi() > threshold).toList();
  }
}
