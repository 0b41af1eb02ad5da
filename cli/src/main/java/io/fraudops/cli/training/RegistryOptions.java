package io.fraudops.cli.training;

import io.fraudops.local.LocalRuntime;
import io.fraudops.workers.scoring.RegistryProperties;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * The model registry, named as the application names it ({@code fraud.model.registry.*}): the S3
 * registry in a bucket, or MLflow keeping versions and aliases. There is no default registry: a
 * tool registers only where it is told to (an option or the environment variable the application
 * reads), never into whatever happens to listen on a well-known local port.
 */
public final class RegistryOptions {

  /**
   * Where the in-process store of a running {@code ./fraud serve} or {@code ./fraud replay}
   * listens.
   */
  static final String LOCAL_ENDPOINT = "http://127.0.0.1:" + LocalRuntime.LOCAL_S3_PORT;

  static final String HOW_TO_CONFIGURE =
      "--fraud.model.registry.endpoint=<s3-url> (the S3 registry; a local serve or replay keeps its store at "
          + LOCAL_ENDPOINT
          + ") or --fraud.model.registry.mlflow-url=<url> (env FRAUD_MODEL_REGISTRY_ENDPOINT,"
          + " FRAUD_MODEL_REGISTRY_MLFLOW_URL)";

  @Option(
      names = "--fraud.model.registry.endpoint",
      paramLabel = "<url>",
      description =
          "S3 endpoint of the registry's bucket, none by default (no registry); "
              + LOCAL_ENDPOINT
              + " is a local serve's or replay's. With MLflow: its artifact store's, read directly instead of through"
              + " MLflow's proxy.")
  String endpoint;

  @Option(
      names = "--fraud.model.registry.access-key",
      paramLabel = "<key>",
      defaultValue = LocalRuntime.LOCAL_S3_ACCESS_KEY,
      description = "S3 access key (the default is the local runtime's).")
  String accessKey;

  @Option(
      names = "--fraud.model.registry.secret-key",
      paramLabel = "<secret>",
      defaultValue = LocalRuntime.LOCAL_S3_SECRET_KEY,
      showDefaultValue = Visibility.NEVER,
      description =
          "S3 secret key (env FRAUD_MODEL_REGISTRY_SECRETKEY). Default: the local runtime's.")
  String secretKey;

  @Option(
      names = "--fraud.model.registry.bucket",
      paramLabel = "<bucket>",
      defaultValue = RegistryProperties.DEFAULT_BUCKET,
      description = "The S3 registry's bucket.")
  String bucket;

  @Option(
      names = "--fraud.model.registry.prefix",
      paramLabel = "<prefix/>",
      description = "Key prefix inside the bucket, ending in /. Default: none.")
  String prefix;

  @Option(
      names = "--fraud.model.registry.mlflow-url",
      paramLabel = "<url>",
      description =
          "An MLflow tracking server (2.3 or later) to register in instead of the bucket; the files go"
              + " through its artifact proxy (mlflow server --serve-artifacts) unless an endpoint is given.")
  URI mlflowUrl;

  @Option(
      names = "--fraud.model.registry.mlflow-token",
      paramLabel = "<token>",
      showDefaultValue = Visibility.NEVER,
      description = "Bearer token for MLflow (env FRAUD_MODEL_REGISTRY_MLFLOWTOKEN).")
  String mlflowToken;

  @Option(
      names = "--fraud.model.registry.mlflow-artifact-bucket",
      paramLabel = "<bucket>",
      defaultValue = "mlflow",
      description = "With an endpoint: the bucket MLflow's --artifacts-destination points at.")
  String mlflowArtifactBucket;

  @Option(
      names = "--fraud.model.registry.mlflow-artifact-prefix",
      paramLabel = "<prefix/>",
      description = "Its prefix there, ending in /. Default: none.")
  String mlflowArtifactPrefix;

  /**
   * The registry the options name, or empty when neither an S3 endpoint nor an MLflow URL is given.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  Optional<RegistryTarget> configured() {
    // Checked with or without a registry: a mistyped option is reported, not silently ignored.
    RegistryTarget.requirePrefix("--fraud.model.registry.prefix", orEmpty(prefix));
    RegistryTarget.requirePrefix(
        "--fraud.model.registry.mlflow-artifact-prefix", orEmpty(mlflowArtifactPrefix));
    if (!isBlank(mlflowToken) && mlflowUrl == null) {
      throw new IllegalArgumentException(
          "--fraud.model.registry.mlflow-token needs --fraud.model.registry.mlflow-url");
    }
    if (isBlank(endpoint) && mlflowUrl == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RegistryTarget(
            isBlank(endpoint) ? null : endpoint,
            accessKey,
            secretKey,
            bucket,
            orEmpty(prefix),
            mlflowUrl,
            isBlank(mlflowToken) ? null : mlflowToken,
            mlflowArtifactBucket,
            orEmpty(mlflowArtifactPrefix)));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
