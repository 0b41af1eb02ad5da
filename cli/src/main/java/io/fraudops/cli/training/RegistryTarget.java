package io.fraudops.cli.training;

import io.fraudops.feature.connection.Credentials;
import io.fraudops.model.registry.MlflowArtifactStore;
import io.fraudops.model.registry.MlflowModelRegistry;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.registry.S3ModelRegistry;
import io.fraudops.workers.scoring.RegistryProperties;
import io.minio.MinioClient;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Objects;

/**
 * Where {@code ./fraud train} and {@code ./fraud register} register: the S3 registry (a bucket), or
 * MLflow with its files through the tracking server's artifact proxy or, given an S3 endpoint,
 * directly in the bucket behind it, as the application opens them ({@code
 * ModelRegistryConfiguration}).
 *
 * @param endpoint S3 endpoint of the bucket (the registry's, or MLflow's artifact store); null only
 *     with MLflow, whose artifact proxy then carries the files
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
    if (endpoint == null && mlflowUrl == null) {
      throw new IllegalArgumentException(
          "a registry needs --fraud.model.registry.endpoint or --fraud.model.registry.mlflow-url");
    }
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(mlflowArtifactBucket, "mlflowArtifactBucket");
    Objects.requireNonNull(mlflowArtifactPrefix, "mlflowArtifactPrefix");
    requirePrefix("--fraud.model.registry.prefix", prefix);
    requirePrefix("--fraud.model.registry.mlflow-artifact-prefix", mlflowArtifactPrefix);
    if (mlflowToken != null && mlflowUrl == null) {
      throw new IllegalArgumentException(
          "--fraud.model.registry.mlflow-token needs --fraud.model.registry.mlflow-url");
    }
  }

  ModelRegistry open() {
    if (mlflowUrl != null && endpoint == null) {
      return new MlflowModelRegistry(mlflowUrl, mlflowToken);
    }
    MinioClient s3 =
        MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).build();
    return mlflowUrl == null
        ? new S3ModelRegistry(s3, bucket, prefix)
        : new MlflowModelRegistry(
            mlflowUrl,
            mlflowToken,
            s3,
            new MlflowArtifactStore(mlflowArtifactBucket, mlflowArtifactPrefix));
  }

  static void requirePrefix(String option, String value) {
    if (!value.isEmpty() && !value.endsWith("/")) {
      throw new IllegalArgumentException(
          option + " must be empty or end with '/', got '" + value + "'");
    }
  }

  String describe() {
    if (mlflowUrl == null) {
      return "the S3 registry (" + store(bucket, prefix) + ")";
    }
    return "MLflow at "
        + Credentials.redact(mlflowUrl.toString())
        + " (files "
        + (endpoint == null
            ? "through its artifact proxy"
            : "in " + store(mlflowArtifactBucket, mlflowArtifactPrefix))
        + ")";
  }

  private String store(String bucket, String prefix) {
    return "bucket "
        + bucket
        + (prefix.isEmpty() ? "" : " under " + prefix)
        + " at "
        + Credentials.redact(endpoint);
  }

  /** Where a connection was attempted, for "nothing answers at ...". */
  String address() {
    if (mlflowUrl == null) {
      return Credentials.redact(endpoint);
    }
    return Credentials.redact(
        endpoint == null ? mlflowUrl.toString() : mlflowUrl + " or " + endpoint);
  }

  /**
   * The options that name this registry, for a command line to repeat: addresses only, since keys
   * and tokens are better taken from the environment than printed.
   */
  String asOptions() {
    StringBuilder options = new StringBuilder();
    if (mlflowUrl != null) {
      options
          .append("--fraud.model.registry.mlflow-url=")
          .append(Credentials.redact(mlflowUrl.toString()));
    }
    if (endpoint != null) {
      options
          .append(options.isEmpty() ? "" : " ")
          .append("--fraud.model.registry.endpoint=")
          .append(Credentials.redact(endpoint));
      if (mlflowUrl == null && !bucket.equals(RegistryProperties.DEFAULT_BUCKET)) {
        options.append(" --fraud.model.registry.bucket=").append(bucket);
      }
      if (mlflowUrl == null && !prefix.isEmpty()) {
        options.append(" --fraud.model.registry.prefix=").append(prefix);
      }
    }
    return options.toString();
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
