package io.fraudops.workers.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.model.inference.InferenceConfigStore;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.registry.ModelVersion;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Resources;
import io.fraudops.workers.ServingFixture;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With the registry on and no endpoint, the workers seed an in-process S3 with their model and
 * follow its champion: promoting a new version changes the served model without a restart.
 */
@ApplicationTest
class RegistryHotSwapTest {

  private static final String NAME = "demo-fraud-model";

  @Autowired ModelRegistry registry;
  @Autowired InferenceConfigStore configs;
  @Autowired ServingModel serving;

  @AfterEach
  void putBackTheSeededModel() {
    new ServingFixture(registry, configs, serving).restoreDefault();
  }

  @Test
  void promotingANewVersionSwapsTheServedModel() {
    // Seeded from fraud.model.location (the test profile's amount-threshold model) as version 1.
    assertThat(registry.resolve(NAME, "champion")).map(ModelVersion::version).contains(1);
    Eventually.get("version 1 served", Duration.ofSeconds(10), () -> served(NAME + ":1"));

    ModelMetadata sidecar =
        ModelMetadata.read(
            Resources.bytes("models/demo-fraud-model.json.meta.json"), "demo sidecar");
    ModelVersion promoted =
        registry.register(
            NAME,
            Resources.bytes("models/demo-fraud-model.json"),
            ModelFormat.JSON,
            sidecar,
            Map.of("holdout_auc", 0.9));
    registry.setAlias(NAME, "champion", promoted.version());

    Eventually.get(
        "version " + promoted.version() + " served",
        Duration.ofSeconds(5),
        () -> served(NAME + ":" + promoted.version()));
  }

  private Optional<String> served(String version) {
    return Optional.of(serving.describe()).filter(version::equals);
  }
}
