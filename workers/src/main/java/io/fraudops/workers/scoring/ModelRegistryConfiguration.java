package io.fraudops.workers.scoring;

import io.fraudops.model.inference.InferenceConfig;
import io.fraudops.model.inference.InferenceConfigJson;
import io.fraudops.model.inference.InferenceConfigStore;
import io.fraudops.model.inference.S3InferenceConfigStore;
import io.fraudops.model.registry.MlflowArtifactStore;
import io.fraudops.model.registry.MlflowModelRegistry;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.registry.S3ModelRegistry;
import io.fraudops.workers.resilience.Dependency;
import io.fraudops.workers.resilience.DependencyBreakers;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model registry, the inference configuration and their poller, with {@code
 * fraud.model.registry.enabled=true}. With {@code seed-if-empty} (the local runtime's in-memory S3
 * sets it) an empty registry gets the seed model as version 1 and a configuration serving it, so a
 * local run has a champion to follow and a registry to promote in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fraud.model.registry.enabled", havingValue = "true")
public class ModelRegistryConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ModelRegistryConfiguration.class);

  /**
   * An S3 store is configured: models (or MLflow's artifacts) and the versioned inference
   * configuration live there.
   */
  private static final String HAS_S3 = "!'${fraud.model.registry.endpoint:}'.isBlank()";

  @Bean
  @ConditionalOnExpression(HAS_S3)
  MinioClient modelStoreClient(RegistryProperties properties, RegistryTimeouts timeouts) {
    MinioClient client =
        MinioClient.builder()
            .endpoint(properties.endpoint())
            .credentials(properties.accessKey(), properties.secretKey())
            .build();
    // The client's defaults are five minutes each: a stalled store would hold the poller that long.
    client.setTimeout(
        timeouts.connect().toMillis(), timeouts.read().toMillis(), timeouts.read().toMillis());
    return client;
  }

  @Bean
  ModelRegistry modelRegistry(
      RegistryProperties properties, ModelProperties model, ObjectProvider<MinioClient> s3) {
    MinioClient client = s3.getIfAvailable();
    if (properties.usesMlflow()) {
      return mlflow(properties, client);
    }
    if (client == null) {
      throw new IllegalStateException(
          "The model registry needs fraud.model.registry.endpoint (the S3 store, e.g. MinIO, that holds the models and"
              + " the inference configuration) or fraud.model.registry.mlflow-url; ./fraud serve starts a local S3");
    }
    S3ModelRegistry registry =
        new S3ModelRegistry(client, properties.bucket(), properties.prefix());
    if (properties.seedIfEmpty()) {
      String seed =
          properties.seedLocation() != null ? properties.seedLocation() : model.location();
      seedIfEmpty(registry, properties, seed);
    }
    return registry;
  }

  /**
   * MLflow keeps versions and aliases; the files are read through its artifact proxy, or straight
   * from the S3 bucket behind it when an S3 endpoint is configured. A server that does not serve
   * artifacts is refused at start with what to change; one that is down only warns (the poller
   * retries, the bundled model serves).
   */
  private static MlflowModelRegistry mlflow(RegistryProperties properties, MinioClient client) {
    URI url = URI.create(properties.mlflowUrl());
    String token = properties.mlflowToken().isBlank() ? null : properties.mlflowToken();
    MlflowModelRegistry registry =
        client == null
            ? new MlflowModelRegistry(url, token)
            : new MlflowModelRegistry(
                url,
                token,
                client,
                new MlflowArtifactStore(
                    properties.mlflowArtifactBucket(), properties.mlflowArtifactPrefix()));
    try {
      registry.requireArtifactAccess();
    } catch (RuntimeException e) {
      if (!unreachable(e)) {
        throw e;
      }
      log.warn(
          "MLflow at {} is not reachable yet ({}); the poller keeps trying", url, e.getMessage());
    }
    log.info("Model registry: MLflow at {}, files {}", url, registry.artifactAccess());
    return registry;
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException
          || t instanceof java.net.http.HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  @Bean
  @ConditionalOnExpression(HAS_S3)
  InferenceConfigStore inferenceConfigStore(
      RegistryProperties properties,
      InferenceProperties inference,
      ModelProperties model,
      MinioClient client) {
    InferenceConfigStore store =
        new S3InferenceConfigStore(
            client, properties.bucket(), properties.prefix() + inference.configKey());
    if (properties.seedIfEmpty() && store.latest().isEmpty()) {
      InferenceConfig seed =
          InferenceConfig.single(properties.modelName(), properties.alias(), model.thresholds());
      log.info(
          "Wrote inference config {} version {}",
          store,
          store.publish(InferenceConfigJson.write(seed)));
    }
    return store;
  }

  @Bean
  ModelPromotion modelPromotion(ModelRegistry registry, RegistryProperties properties) {
    return new ModelPromotion(registry, properties);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  ServingPoller servingPoller(
      ModelRegistry registry,
      ObjectProvider<InferenceConfigStore> configs,
      ServingModel serving,
      RegistryProperties properties,
      InferenceProperties inference,
      MeterRegistry meters,
      GuardProperties guard,
      DependencyBreakers breakers) {
    // Without an S3 store (MLflow alone) there is no stored configuration: the poller follows
    // model-name@alias.
    return new ServingPoller(
        registry,
        configs.getIfAvailable(),
        serving,
        properties,
        inference.configVersion(),
        meters,
        guard,
        breakers.breaker(Dependency.MODEL_REGISTRY));
  }

  @Bean
  ModelRegistryHealth modelRegistryHealthIndicator(
      ServingPoller poller, ServingModel serving, DependencyBreakers breakers) {
    return new ModelRegistryHealth(poller, serving, breakers);
  }

  /**
   * Registers the model at {@code location} under the configured name, aliased, if none is there.
   */
  static void seedIfEmpty(ModelRegistry registry, RegistryProperties properties, String location) {
    if (registry.versions(properties.modelName()).isEmpty()) {
      new ModelPromotion(registry, properties).registerAndPromote(location);
    }
  }
}
