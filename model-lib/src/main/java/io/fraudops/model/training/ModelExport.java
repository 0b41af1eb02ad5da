package io.fraudops.model.training;

import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.model.training.evaluation.Evaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a trained model as the artifact the scoring side loads: CatBoost JSON plus sidecar
 * metadata.
 */
public final class ModelExport {

  private ModelExport() {}

  /**
   * Metadata with training (and, if given, holdout) metrics and the training medians as reason-code
   * baselines. A {@link TrainingRun} records more: trainer settings, data periods and source,
   * threshold metrics and the drift reference.
   *
   * @param holdout may be null
   */
  public static ModelMetadata metadata(
      TrainedModel model,
      String name,
      String version,
      Instant trainedAt,
      Dataset training,
      Dataset holdout) {
    List<String> names = model.featureNames();
    if (!names.equals(List.of(training.featureNames()))) {
      throw new IllegalArgumentException(
          "training data features "
              + List.of(training.featureNames())
              + " differ from the model's "
              + names);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    putMetrics(metrics, "train", model.evaluate(training));
    if (holdout != null) {
      putMetrics(metrics, "holdout", model.evaluate(holdout));
    }
    double[] medians = training.featureMedians();
    Map<String, Double> baselines = new LinkedHashMap<>();
    for (int f = 0; f < names.size(); f++) {
      baselines.put(names.get(f), medians[f]);
    }
    return new ModelMetadata(name, version, trainedAt, metrics, baselines, names);
  }

  /**
   * Writes {@code modelFile} (CatBoost JSON, so it should end in .json) and {@code modelFile +
   * ".meta.json"}.
   *
   * @return the sidecar's path
   */
  public static Path write(TrainedModel model, ModelMetadata metadata, Path modelFile)
      throws IOException {
    if (!metadata.featureNames().isEmpty()
        && !metadata.featureNames().equals(model.featureNames())) {
      throw new IllegalArgumentException("metadata features differ from the model's");
    }
    model.writeCatBoostJson(modelFile);
    Path sidecar = modelFile.resolveSibling(modelFile.getFileName() + ModelMetadata.SIDECAR_SUFFIX);
    Files.write(sidecar, metadata.toJson());
    return sidecar;
  }

  private static void putMetrics(
      Map<String, Double> metrics, String prefix, Evaluation evaluation) {
    metrics.put(prefix + "_auc", evaluation.rocAuc());
    metrics.put(prefix + "_logloss", evaluation.logLoss());
    metrics.put(prefix + "_rows", (double) evaluation.rows());
    metrics.put(prefix + "_positives", (double) evaluation.positives());
  }
}
