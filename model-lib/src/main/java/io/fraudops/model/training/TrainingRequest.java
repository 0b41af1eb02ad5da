package io.fraudops.model.training;

import java.time.Instant;
import java.util.Objects;

/**
 * What to train: the model's name and file version, trainer settings, how to split by time, the
 * operating threshold the evaluation reports precision and recall at, and where the data came from.
 *
 * @param threshold a payment is flagged when its score is at or above it, in [0, 1]
 */
public record TrainingRequest(
    String modelName,
    String version,
    Instant trainedAt,
    TrainingParams params,
    SplitRule split,
    double threshold,
    SourceFile source) {

  public TrainingRequest {
    if (modelName == null || modelName.isBlank() || version == null || version.isBlank()) {
      throw new IllegalArgumentException("model name and version must not be blank");
    }
    Objects.requireNonNull(trainedAt, "trainedAt");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(source, "source");
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
    }
  }
}
