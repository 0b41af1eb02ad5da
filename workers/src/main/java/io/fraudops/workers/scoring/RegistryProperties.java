package io.fraudops.workers.scoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the served model comes from when it is promoted in the model registry instead of set by
 * {@code fraud.model.location}. Off by default: the workers then serve that file, as before.
 *
 * @param enabled poll the registry and hot-swap the model its alias points at
 * @param modelName the registered model to serve
 * @param alias the alias to follow; moving it is how a model is promoted or rolled back
 * @param pollInterval pause between two looks at the alias
 * @param endpoint S3 endpoint of the registry's bucket (the local runtime sets it to its in-process
 *     S3)
 * @param accessKey S3 access key
 * @param secretKey S3 secret key
 * @param bucket the registry's bucket
 * @param prefix key prefix inside the bucket, empty or ending in {@code /}
 * @param seedLocation the model registered as version 1 in an empty registry when {@code
 *     seedIfEmpty}; defaults to {@code fraud.model.location}
 * @param seedIfEmpty register the seed model and a configuration serving it when the registry is
 *     empty
 * @param mlflowUrl an MLflow tracking server (2.3 or later) to keep versions and aliases in instead
 *     of the bucket; model files and the inference config stay in the S3 store
 * @param mlflowToken bearer token for MLflow, empty for none
 * @param mlflowArtifactBucket the bucket of MLflow's {@code --artifacts-destination
 *     s3://bucket/prefix}
 * @param mlflowArtifactPrefix its prefix, empty or ending in {@code /}
 */
@ConfigurationProperties("fraud.model.registry")
public record RegistryProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("demo-fraud-model") String modelName,
    @DefaultValue("champion") String alias,
    @DefaultValue("10s") Duration pollInterval,
    String endpoint,
    String accessKey,
    String secretKey,
    @DefaultValue(DEFAULT_BUCKET) String bucket,
    @DefaultValue("") String prefix,
    String seedLocation,
    @DefaultValue("false") boolean seedIfEmpty,
    @DefaultValue("") String mlflowUrl,
    @DefaultValue("") String mlflowToken,
    @DefaultValue("mlflow") String mlflowArtifactBucket,
    @DefaultValue("") String mlflowArtifactPrefix) {

  public boolean usesMlflow() {
    return mlflowUrl != null && !mlflowUrl.isBlank();
  }

  public static final String DEFAULT_BUCKET = "models";
}
