package io.fraudops.cli.training;

import io.fraudops.model.registry.MlflowArtifactStore;
import io.fraudops.model.registry.MlflowModelRegistry;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.registry.S3ModelRegistry;
import io.fraudops.feature.connection.Credentials;
import io.minio.MinioClient;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Objects;

/**
 * Where {@code ./fraud train} registers: the S3 registry (a bucket), or MLflow with its S3 artifact
 * store, as the application opens them ({@code ModelRegistryConfiguration}).
 *
 * @param endpoint S3 endpoint of the bucket (the registry's, or MLflow's artifact store)
 * @param prefix key prefix inside the bucket, empty or ending in {@code /}
 * @param mlflowUrl MLflow tracking server, or null for the S3 registry
 * @param mlflowToken bearer token for MLflow, or null
 * @param mlflowArtifactBucket the bucket of MLflow's artifact store
 * @param mlflowArtifactPrefix its prefix, empty or ending in {@code /}
 */
record RegistryTarget(
    String endpoint,
    String accessKey,
    String secretKey,
    String bucket,
    String prefix,
    URI mlflowUrl,
    String mlflowToken,
    String mlflowArtifactBucket,
    String mlflowArtifactPrefix) {

  RegistryTarget {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(mlflowArtifactBucket, "mlflowArtifactBucket");
    Objects.requireNonNull(mlflowArtifactPrefix, "mlflowArtifactPrefix");
    requirePrefix("--fraud.model.registry.prefix", prefix);
    requirePrefix("--fraud.model.registry.mlflow-artifact-prefix", mlflowArtifactPrefix);
    if (mlflowToken != null && mlflowUrl == null) {
      throw new IllegalArgumentException("--fraud.model.registry.mlflow-token needs --fraud.model.registry.mlflow-url");
    }
  }

  ModelRegistry open() {
    MinioClient s3 = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).build();
    return mlflowUrl == null
        ? new S3ModelRegistry(s3, bucket, prefix)
        : new MlflowModelRegistry(
            mlflowUrl, mlflowToken, s3, new MlflowArtifactStore(mlflowArtifactBucket, mlflowArtifactPrefix));
  }

  private static void requirePrefix(String option, String value) {
    if (!value.isEmpty() && !value.endsWith("/")) {
      throw new IllegalArgumentException(option + " must be empty or end with '/', got '" + value + "'");
    }
  }

  String describe() {
    return mlflowUrl == null
        ? "the S3 registry (" + store(bucket, prefix) + ")"
        : "MLflow at " + Credentials.redact(mlflowUrl.toString()) + " (artifacts: "
            + store(mlflowArtifactBucket, mlflowArtifactPrefix) + ")";
  }

  private String store(String bucket, String prefix) {
    return "bucket " + bucket + (prefix.isEmpty() ? "" : " under " + prefix) + " at " + Credentials.redact(endpoint);
  }

  /** Where a connection was attempted, for "nothing answers at ...". */
  String address() {
    return Credentials.redact(mlflowUrl == null ? endpoint : mlflowUrl + " or " + endpoint);
  }

  /** A refused or timed-out connection somewhere in the cause chain: nothing listens there. */
  static boolean unreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof HttpConnectTimeoutException
          || t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
