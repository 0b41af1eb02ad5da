package io.fraudops.workers.scoring;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code servingModel} health component: DOWN when no decision model serves (every payment then
 * goes to review with the reason), UP with the model, its shadows and the inference configuration's
 * version otherwise.
 */
@Component("servingModelHealthIndicator")
class ServingModelHealth extends AbstractHealthIndicator {

  private final ServingModel serving;

  ServingModelHealth(ServingModel serving) {
    super("Serving model health check failed");
    this.serving = serving;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    (serving.serves() ? health.up() : health.down())
        .withDetail("serving", serving.describe())
        .withDetail("inferenceConfigVersion", serving.configVersion());
  }
}
