package io.fraudops.model.registry;

import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelLoadException;
import io.fraudops.model.scoring.ModelLoadException.Reason;
import io.fraudops.model.scoring.ModelMetadata;
import java.util.List;
import java.util.Map;

/**
 * A version's files in a store directory, the same for both adapters: {@code model.json} (or {@code
 * model.cbm}) and the sidecar {@code model.json.meta.json} beside it, as on a disk, so a directory
 * copied out of the bucket loads with {@link ModelArtifact#load(String)}.
 */
final class ModelFiles {

  /** The training report kept with a version. */
  static final String REPORT = "report.html";

  private ModelFiles() {}

  static S3Location model(S3Location dir, ModelFormat format) {
    return dir.child("model" + format.extension());
  }

  static S3Location sidecar(S3Location dir, ModelFormat format) {
    return dir.child("model" + format.extension() + ModelMetadata.SIDECAR_SUFFIX);
  }

  /**
   * Refuses, before anything is stored, a model that would not load, so no alias can point at one.
   */
  /**
   * @return the model's feature names in input order
   */
  static List<String> check(
      String modelName,
      byte[] model,
      ModelFormat format,
      ModelMetadata metadata,
      Map<String, Double> metrics) {
    RegistryNames.requireModelName(modelName);
    if (!metadata.name().equals(modelName)) {
      // The served model reports the sidecar's name in logs and decisions: it must be the
      // registry's.
      throw new IllegalArgumentException(
          "metadata names model '" + metadata.name() + "', registering as '" + modelName + "'");
    }
    metrics.forEach(
        (k, v) -> {
          if (v == null || !Double.isFinite(v)) {
            throw new IllegalArgumentException("metric " + k + " must be finite, got " + v);
          }
        });
    try (ModelArtifact loaded =
        ModelArtifact.load(model, format, metadata, "registration of " + modelName)) {
      return loaded.info().featureNames(); // loading is the check
    }
  }

  static void store(
      S3Objects objects, S3Location dir, byte[] model, ModelFormat format, ModelMetadata metadata) {
    objects.put(model(dir, format), model);
    objects.put(sidecar(dir, format), metadata.toJson());
  }

  /**
   * Loads through {@link ModelArtifact}'s checks with the registry's version number as model
   * version.
   */
  static ModelArtifact load(S3Objects objects, S3Location dir, ModelVersion version) {
    S3Location modelAt = model(dir, version.format());
    S3Location sidecarAt = sidecar(dir, version.format());
    byte[] model = read(objects, modelAt);
    ModelMetadata metadata =
        ModelMetadata.read(read(objects, sidecarAt), sidecarAt.toString())
            .withVersion(String.valueOf(version.version()));
    if (!metadata.name().equals(version.name())) {
      throw new ModelLoadException(
          Reason.INVALID_METADATA,
          sidecarAt.toString(),
          "sidecar names model '" + metadata.name() + "', registry says '" + version.name() + "'");
    }
    return ModelArtifact.load(model, version.format(), metadata, modelAt.toString());
  }

  private static byte[] read(S3Objects objects, S3Location at) {
    return objects
        .get(at)
        .orElseThrow(
            () -> new ModelLoadException(Reason.NOT_FOUND, at.toString(), "no such object"));
  }
}
