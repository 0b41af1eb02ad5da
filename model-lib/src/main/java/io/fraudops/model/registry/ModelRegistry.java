package io.fraudops.model.registry;

import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where trained models are kept and which version serves. Versions are numbered 1, 2, … per model
 * name and never change once registered; aliases ({@code champion}, {@code challenger}) are movable
 * pointers to versions, so promoting or rolling back is one {@link #setAlias} call. Adapters:
 * {@link S3ModelRegistry} (self-contained, the default) and {@link MlflowModelRegistry} (for teams
 * already on MLflow).
 */
public interface ModelRegistry {

  /**
   * Stores a model and its sidecar metadata as the next version of {@code modelName}. The model is
   * loaded and checked first, so the registry never holds a version that no worker could load.
   *
   * @param metadata its name must be {@code modelName}; its version is replaced by the registry's
   * @throws io.fraudops.model.scoring.ModelLoadException when the model does not load with this
   *     metadata
   */
  default ModelVersion register(
      String modelName,
      byte[] model,
      ModelFormat format,
      ModelMetadata metadata,
      Map<String, Double> metrics) {
    return register(modelName, model, format, metadata, metrics, null);
  }

  /**
   * As {@link #register(String, byte[], ModelFormat, ModelMetadata, Map)}, keeping the training
   * report ({@code report.html}) with the version, where whoever looks at the version finds it.
   *
   * @param reportHtml the HTML training report, or null
   */
  ModelVersion register(
      String modelName,
      byte[] model,
      ModelFormat format,
      ModelMetadata metadata,
      Map<String, Double> metrics,
      byte[] reportHtml);

  /**
   * Points {@code alias} at an existing version, moving it if it pointed elsewhere.
   *
   * @throws ModelRegistryException when the version does not exist
   */
  void setAlias(String modelName, String alias, int version);

  /** Empty when the model or the alias does not exist. */
  Optional<ModelVersion> resolve(String modelName, String alias);

  /** Empty when the model does not exist. */
  Optional<ModelVersion> version(String modelName, int version);

  /**
   * All versions, oldest first; empty when the model does not exist. A version that cannot be
   * served is listed too, with {@link ModelVersion#problem()} saying why.
   */
  List<ModelVersion> versions(String modelName);

  /**
   * Fetches the model and its sidecar and loads them through {@link ModelArtifact}'s checks, with
   * the registry's version number as the model version. The caller owns (and must close) the
   * artifact.
   *
   * @throws io.fraudops.model.scoring.ModelLoadException when the stored bytes are missing or
   *     invalid, or the version cannot be served (its {@link ModelVersion#problem()})
   */
  ModelArtifact download(ModelVersion version);
}
