package io.fraudops.workers.scoring;

import io.fraudops.workers.resilience.Dependency;
import io.fraudops.workers.resilience.DependencyBreakers;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The {@code modelRegistry} health component (with the registry on): DOWN while the last poll
 * failed or the registry's breaker is open, with what keeps serving meanwhile. Screening goes on
 * with the model served before, so readiness does not follow it.
 */
class ModelRegistryHealth extends AbstractHealthIndicator {

  private final ServingPoller poller;
  private final ServingModel serving;
  private final DependencyBreakers breakers;

  ModelRegistryHealth(ServingPoller poller, ServingModel serving, DependencyBreakers breakers) {
    super("Model registry health check failed");
    this.poller = poller;
    this.serving = serving;
    this.breakers = breakers;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    ServingPoller.PollResult poll = poller.lastPoll();
    boolean breakerClosed = breakers.isUp(Dependency.MODEL_REGISTRY);
    (poll.ok() && breakerClosed ? health.up() : health.down())
        .withDetail("circuitBreaker", breakers.breaker(Dependency.MODEL_REGISTRY).getState().name())
        .withDetail("lastPoll", poll.at() == null ? "never" : poll.at().toString())
        .withDetail("stillServing", serving.describe());
    if (poll.error() != null) {
      health.withDetail("error", poll.error());
    }
    ServingStatus status = poller.status();
    if (status.lastRejection() != null) {
      health.withDetail("lastRejection", status.lastRejection());
    }
  }
}
