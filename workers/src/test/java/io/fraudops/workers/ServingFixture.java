package io.fraudops.workers;

import io.fraudops.model.inference.InferenceConfig;
import io.fraudops.model.inference.InferenceConfigJson;
import io.fraudops.model.inference.InferenceConfigStore;
import io.fraudops.model.inference.Thresholds;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.workers.scoring.ServingModel;
import java.time.Duration;
import java.util.Optional;

/**
 * Puts the shared application context ({@link ApplicationTest}) back to its seeded state: the test
 * model's version 1 at {@code champion}, served alone with the default thresholds.
 */
public final class ServingFixture {

  public static final String MODEL = "demo-fraud-model";
  private final ModelRegistry registry;
  private final InferenceConfigStore configs;
  private final ServingModel serving;

  public ServingFixture(
      ModelRegistry registry, InferenceConfigStore configs, ServingModel serving) {
    this.registry = registry;
    this.configs = configs;
    this.serving = serving;
  }

  /**
   * Moves {@code champion} back to version 1, republishes the default configuration, waits until
   * served.
   */
  public void restoreDefault() {
    registry.setAlias(MODEL, "champion", 1);
    String expected = MODEL + ":1";
    if (!serving.describe().equals(expected)) {
      configs.publish(
          InferenceConfigJson.write(
              InferenceConfig.single(MODEL, "champion", new Thresholds(0.5, 0.9))));
    }
    Eventually.get(
        "the seeded model served alone again",
        Duration.ofSeconds(15),
        () -> Optional.of(serving.describe()).filter(expected::equals));
  }
}
