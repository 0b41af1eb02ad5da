package io.fraudops.model.scoring;

import java.util.List;

/** A scored transaction: fraud probability, which model produced it, and why. */
public record ScoreResult(
    double probability, String modelName, String modelVersion, List<ReasonCode> reasons) {

  public ScoreResult {
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
    }
    if (modelName == null
        || modelName.isBlank()
        || modelVersion == null
        || modelVersion.isBlank()) {
      throw new IllegalArgumentException("model name and version must not be blank");
    }
    reasons = List.copyOf(reasons);
  }
}
