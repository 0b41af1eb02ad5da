package io.fraudops.model.registry;

import java.util.Optional;

/**
 * How the MLflow adapter reads and writes the files of runs and model versions, given MLflow's
 * artifact URIs ({@code mlflow-artifacts:/1/<run>/artifacts/model}, {@code s3://bucket/key}):
 * through the tracking server's artifact proxy ({@link ProxiedArtifacts}), or directly in the S3
 * bucket behind it ({@link S3Artifacts}).
 */
sealed interface ArtifactAccess permits ProxiedArtifacts, S3Artifacts {

  /**
   * Empty when there is no such file. @throws ModelRegistryException when the store fails or is
   * unreachable
   */
  Optional<byte[]> read(String directoryUri, String file);

  void write(String directoryUri, String file, byte[] bytes);

  /**
   * Why files under {@code uri} cannot be reached this way, with what to configure; null when they
   * can.
   */
  String unreachable(String uri);

  /** For messages: "MLflow's artifact proxy at ...", "S3 bucket ...". */
  String describe();

  /** What to say about a URI neither access reads: a server-local path, another cloud. */
  static String foreign(String uri) {
    if (uri.startsWith("/") || uri.startsWith("file:") || !uri.contains(":")) {
      return "MLflow keeps these files on its own disk ("
          + uri
          + "), where only the server can read them:"
          + " start it with --serve-artifacts --artifacts-destination <dir or s3://bucket/prefix>";
    }
    return "artifact URI "
        + uri
        + " is in a store this service cannot read (it reads mlflow-artifacts:/ through"
        + " MLflow's artifact proxy and s3:// with an S3 endpoint configured)";
  }
}
