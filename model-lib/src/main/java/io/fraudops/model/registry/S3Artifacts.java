package io.fraudops.model.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * Files read and written in the S3 bucket behind MLflow's artifact store, for deployments that give
 * the service S3 credentials: {@code s3://} URIs as they are, {@code mlflow-artifacts:/} URIs
 * mapped onto the configured bucket and prefix ({@link MlflowArtifactStore}).
 */
record S3Artifacts(S3Objects objects, MlflowArtifactStore store) implements ArtifactAccess {

  S3Artifacts {
    Objects.requireNonNull(objects, "objects");
    Objects.requireNonNull(store, "store");
  }

  @Override
  public Optional<byte[]> read(String directoryUri, String file) {
    return objects.get(locate(directoryUri).child(file));
  }

  @Override
  public void write(String directoryUri, String file, byte[] bytes) {
    objects.put(locate(directoryUri).child(file), bytes);
  }

  @Override
  public String unreachable(String uri) {
    return uri.startsWith("s3://") || uri.startsWith(ProxiedArtifacts.SCHEME)
        ? null
        : ArtifactAccess.foreign(uri);
  }

  @Override
  public String describe() {
    return "S3 bucket "
        + store.bucket()
        + (store.prefix().isEmpty() ? "" : " under " + store.prefix());
  }

  private S3Location locate(String uri) {
    String problem = unreachable(uri);
    if (problem != null) {
      throw new ModelRegistryException(problem);
    }
    try {
      return store.locate(uri);
    } catch (RuntimeException e) {
      throw new ModelRegistryException("bad artifact URI " + uri + ": " + e.getMessage(), e);
    }
  }
}
