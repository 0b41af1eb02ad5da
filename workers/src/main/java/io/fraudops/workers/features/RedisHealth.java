package io.fraudops.workers.features;

import io.fraudops.workers.resilience.Dependency;
import io.fraudops.workers.resilience.DependencyBreakers;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code redis} health component, from the monitor's last look (a health request never waits on
 * Redis): DOWN while Redis does not answer or its breaker is open, OUT_OF_SERVICE while its state
 * is being rebuilt, UP when payments are scored against it. Details: the store's phase and why, the
 * breaker, the last look, and what waits for repair.
 */
@Component("redisHealthIndicator")
class RedisHealth extends AbstractHealthIndicator {

  private final OnlineStoreMonitor monitor;
  private final OnlineStoreState state;
  private final OnlineRepairBacklog backlog;
  private final DependencyBreakers breakers;

  RedisHealth(
      OnlineStoreMonitor monitor,
      OnlineStoreState state,
      OnlineRepairBacklog backlog,
      DependencyBreakers breakers) {
    super("Redis health check failed");
    this.monitor = monitor;
    this.state = state;
    this.backlog = backlog;
    this.breakers = breakers;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    OnlineStoreMonitor.Look look = monitor.last();
    OnlineStoreState.Snapshot store = state.current();
    boolean breakerClosed = breakers.isUp(Dependency.REDIS);
    if (!look.ok() || !breakerClosed) {
      health.down();
    } else if (store.phase() == OnlineStoreState.Phase.REBUILDING) {
      health.status(Status.OUT_OF_SERVICE);
    } else if (store.phase() != OnlineStoreState.Phase.READY) {
      health.down();
    } else {
      health.up();
    }
    health
        .withDetail("store", store.phase().name())
        .withDetail("circuitBreaker", breakers.breaker(Dependency.REDIS).getState().name())
        .withDetail("lastCheck", look.at() == null ? "never" : look.at().toString())
        .withDetail("missedPaymentsWaiting", backlog.inMemory() + backlog.inPostgres());
    if (store.reason() != null) {
      health.withDetail("reason", store.reason());
    }
    if (look.error() != null) {
      health.withDetail("error", look.error());
    }
    if (!breakerClosed) {
      health.withDetail("refusal", breakers.refusal(Dependency.REDIS));
    }
  }
}
