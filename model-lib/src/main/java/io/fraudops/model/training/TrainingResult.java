package io.fraudops.model.training;

import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.model.training.evaluation.Performance;
import java.time.Duration;
import java.util.Objects;

/**
 * A trained model with everything known about it: the split it was fitted and judged on, its
 * sidecar metadata, and its performance on both periods.
 *
 * @param fitTime wall-clock time of the fit alone, for the console
 */
public record TrainingResult(
    TrainingRequest request,
    TimeSplit split,
    TrainedModel model,
    ModelMetadata metadata,
    Performance training,
    Performance evaluation,
    FeatureImportance importance,
    Duration fitTime) {

  public TrainingResult {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(importance, "importance");
    Objects.requireNonNull(fitTime, "fitTime");
    if (!metadata.featureNames().equals(model.featureNames())) {
      throw new IllegalArgumentException("metadata features differ from the model's");
    }
  }
}
