package io.fraudops.model.registry;

import io.fraudops.model.scoring.ModelLoadException;
import io.fraudops.model.scoring.ModelLoadException.Reason;
import java.util.Objects;

/**
 * Where MLflow's artifacts live in S3, for a registry given S3 credentials to read and write them
 * directly rather than through MLflow's artifact proxy. A version's {@code source} is either {@code
 * s3://bucket/key} (artifact root in S3) or {@code mlflow-artifacts:/path} (server started with
 * {@code --serve-artifacts --artifacts-destination s3://bucket/prefix}), which maps to {@code
 * bucket} and {@code prefix + path}.
 *
 * @param prefix the artifacts destination's key prefix, empty or ending in '/'
 */
public record MlflowArtifactStore(String bucket, String prefix) {

  private static final String PROXIED = "mlflow-artifacts:";

  public MlflowArtifactStore {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      throw new IllegalArgumentException(
          "prefix must be empty or end with '/', got '" + prefix + "'");
    }
  }

  /**
   * @throws ModelLoadException (UNSUPPORTED) for sources elsewhere: local paths, runs:/, models:/
   */
  S3Location locate(String source) {
    try {
      if (source.startsWith("s3://")) {
        return S3Location.parse(source);
      }
      if (source.startsWith(PROXIED)) {
        String path = source.substring(PROXIED.length()).replaceFirst("^/+", "");
        return new S3Location(bucket, prefix + path);
      }
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(
          Reason.UNSUPPORTED, source, "bad artifact source: " + e.getMessage(), e);
    }
    throw new ModelLoadException(
        Reason.UNSUPPORTED,
        source,
        "only s3:// and mlflow-artifacts:/ sources can be read without Python");
  }
}
