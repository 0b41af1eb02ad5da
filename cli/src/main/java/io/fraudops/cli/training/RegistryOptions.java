package io.fraudops.cli.training;

import io.fraudops.local.LocalRuntime;
import io.fraudops.workers.scoring.RegistryProperties;
import java.net.URI;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * The model registry, named as the application names it ({@code fraud.model.registry.*}): the S3
 * registry in a bucket, or MLflow keeping versions and aliases with the files in its S3 artifact
 * store. The defaults reach the in-process store of a running {@code ./fraud serve} or
 * {@code ./fraud replay}.
 */
public final class RegistryOptions {

  static final String LOCAL_ENDPOINT = "http://127.0.0.1:" + LocalRuntime.LOCAL_S3_PORT;

  @Option(
      names = "--fraud.model.registry.model-name",
      paramLabel = "<name>",
      defaultValue = DemoModelFit.MODEL_NAME,
      description = "The registered model (also the written files' name).")
  String modelName;

  @Option(
      names = "--fraud.model.registry.endpoint",
      paramLabel = "<url>",
      defaultValue = LOCAL_ENDPOINT,
      description = "S3 endpoint of the registry's bucket (with MLflow: of its artifact store). The default is"
          + " the local runtime's store, in a running serve or replay.")
  String endpoint;

  @Option(
      names = "--fraud.model.registry.access-key",
      paramLabel = "<key>",
      defaultValue = LocalRuntime.LOCAL_S3_ACCESS_KEY,
      description = "S3 access key.")
  String accessKey;

  @Option(
      names = "--fraud.model.registry.secret-key",
      paramLabel = "<secret>",
      defaultValue = LocalRuntime.LOCAL_S3_SECRET_KEY,
      showDefaultValue = Visibility.NEVER,
      description = "S3 secret key (env FRAUD_MODEL_REGISTRY_SECRETKEY). Default: the local runtime's.")
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
      description = "An MLflow tracking server (2.3 or later) to register in instead of the bucket.")
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
      description = "The bucket MLflow's --artifacts-destination points at.")
  String mlflowArtifactBucket;

  @Option(
      names = "--fraud.model.registry.mlflow-artifact-prefix",
      paramLabel = "<prefix/>",
      description = "Its prefix there, ending in /. Default: none.")
  String mlflowArtifactPrefix;

  String modelName() {
    return modelName;
  }

  /** @throws IllegalArgumentException naming the option at fault */
  RegistryTarget target() {
    return new RegistryTarget(
        endpoint,
        accessKey,
        secretKey,
        bucket,
        orEmpty(prefix),
        mlflowUrl,
        mlflowToken == null || mlflowToken.isBlank() ? null : mlflowToken,
        mlflowArtifactBucket,
        orEmpty(mlflowArtifactPrefix));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
