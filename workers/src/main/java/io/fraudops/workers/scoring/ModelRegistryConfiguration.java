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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model registry, the inference configuration and their poller, with
 * {@code fraud.model.registry.enabled=true}. With {@code seed-if-empty} (the local runtime's in-memory S3
 * sets it) an empty registry gets the seed model as version 1 and a configuration serving it, so a local
 * run has a champion to follow and a registry to promote in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fraud.model.registry.enabled", havingValue = "true")
public class ModelRegistryConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ModelRegistryConfiguration.class);

  @Bean
  MinioClient modelStoreClient(RegistryProperties properties, RegistryTimeouts timeouts) {
    if (properties.endpoint() == null || properties.endpoint().isBlank()) {
      throw new IllegalStateException(
          "fraud.model.registry.endpoint is not set: point it at the S3 store (MinIO) that holds the models and"
              + " the inference configuration; ./fraud serve starts a local one");
    }
    MinioClient client =
        MinioClient.builder()
            .endpoint(properties.endpoint())
            .credentials(properties.accessKey(), properties.secretKey())
            .build();
    // The client's defaults are five minutes each: a stalled store would hold the poller that long.
    client.setTimeout(timeouts.connect().toMillis(), timeouts.read().toMillis(), timeouts.read().toMillis());
    return client;
  }

  @Bean
  ModelRegistry modelRegistry(RegistryProperties properties, ModelProperties model, MinioClient client) {
    if (properties.usesMlflow()) {
      log.info("Model registry: MLflow at {}, artifacts in s3://{}/{}", properties.mlflowUrl(), properties.mlflowArtifactBucket(), properties.mlflowArtifactPrefix());
      return new MlflowModelRegistry(
          URI.create(properties.mlflowUrl()),
          properties.mlflowToken().isBlank() ? null : properties.mlflowToken(),
          client,
          new MlflowArtifactStore(properties.mlflowArtifactBucket(), properties.mlflowArtifactPrefix()));
    }
    S3ModelRegistry registry = new S3ModelRegistry(client, properties.bucket(), properties.prefix());
    if (properties.seedIfEmpty()) {
      String seed = properties.seedLocation() != null ? properties.seedLocation() : model.location();
      seedIfEmpty(registry, properties, seed);
    }
    return registry;
  }

  @Bean
  InferenceConfigStore inferenceConfigStore(
      RegistryProperties properties,
      InferenceProperties inference,
      ModelProperties model,
      MinioClient client) {
    InferenceConfigStore store =
        new S3InferenceConfigStore(client, properties.bucket(), properties.prefix() + inference.configKey());
    if (properties.seedIfEmpty() && store.latest().isEmpty()) {
      InferenceConfig seed = InferenceConfig.single(properties.modelName(), properties.alias(), model.thresholds());
      log.info("Wrote inference config {} version {}", store, store.publish(InferenceConfigJson.write(seed)));
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
      InferenceConfigStore configs,
      ServingModel serving,
      RegistryProperties properties,
      InferenceProperties inference,
      MeterRegistry meters,
      DependencyBreakers breakers) {
    return new ServingPoller(
        registry,
        configs,
        serving,
        properties,
        inference.configVersion(),
        meters,
        breakers.breaker(Dependency.MODEL_REGISTRY));
  }

  @Bean
  ModelRegistryHealth modelRegistryHealthIndicator(
      ServingPoller poller, ServingModel serving, DependencyBreakers breakers) {
    return new ModelRegistryHealth(poller, serving, breakers);
  }

  /** Registers the model at {@code location} under the configured name, aliased, if none is there. */
  static void seedIfEmpty(ModelRegistry registry, RegistryProperties properties, String location) {
    if (registry.versions(properties.modelName()).isEmpty()) {
      new ModelPromotion(registry, properties).registerAndPromote(location);
    }
  }
}
