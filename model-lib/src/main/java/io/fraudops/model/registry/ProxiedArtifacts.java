package io.fraudops.model.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * Files through the tracking server's artifact proxy, so the service needs nothing but the MLflow
 * URL: the server (started with {@code --serve-artifacts}, MLflow 2.x's default) reads and writes
 * its artifact store, S3 or a disk, on our behalf. Reaches {@code mlflow-artifacts:/path} URIs, the
 * ones such a server gives runs.
 */
record ProxiedArtifacts(MlflowRestClient mlflow) implements ArtifactAccess {

  static final String SCHEME = "mlflow-artifacts:";

  ProxiedArtifacts {
    Objects.requireNonNull(mlflow, "mlflow");
  }

  @Override
  public Optional<byte[]> read(String directoryUri, String file) {
    return mlflow.downloadArtifact(path(directoryUri) + "/" + file);
  }

  @Override
  public void write(String directoryUri, String file, byte[] bytes) {
    mlflow.uploadArtifact(path(directoryUri) + "/" + file, bytes);
  }

  @Override
  public String unreachable(String uri) {
    if (uri.startsWith(SCHEME)) {
      return uri.startsWith(SCHEME + "//")
          ? "artifact URI " + uri + " names another artifact server"
          : null;
    }
    if (uri.startsWith("s3://")) {
      return "the files are in S3 ("
          + uri
          + ") and only the MLflow URL is configured: configure the S3"
          + " endpoint and bucket of MLflow's artifact store, or run MLflow with --serve-artifacts"
          + " --artifacts-destination s3://... so that new runs get mlflow-artifacts:/ URIs";
    }
    return ArtifactAccess.foreign(uri);
  }

  @Override
  public String describe() {
    return "MLflow's artifact proxy at " + mlflow.trackingUri();
  }

  private String path(String uri) {
    String problem = unreachable(uri);
    if (problem != null) {
      throw new ModelRegistryException(problem);
    }
    return uri.substring(SCHEME.length()).replaceFirst("^/+", "").replaceFirst("/+$", "");
  }
}
