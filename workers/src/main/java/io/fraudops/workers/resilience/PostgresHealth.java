package io.fraudops.workers.resilience;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code postgres} health component (in place of Spring Boot's {@code db}, which would wait on
 * a stalled database): the probe's last look and the breaker. DOWN while the database does not
 * answer the probe or the breaker is open; readiness follows it.
 */
@Component("postgresHealthIndicator")
class PostgresHealth extends AbstractHealthIndicator {

  private final PostgresProbe probe;
  private final DependencyBreakers breakers;

  PostgresHealth(PostgresProbe probe, DependencyBreakers breakers) {
    super("PostgreSQL health check failed");
    this.probe = probe;
    this.breakers = breakers;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    PostgresProbe.Look look = probe.last();
    boolean breakerClosed = breakers.isUp(Dependency.POSTGRES);
    (look.ok() && breakerClosed ? health.up() : health.down())
        .withDetail("circuitBreaker", breakers.breaker(Dependency.POSTGRES).getState().name())
        .withDetail("lastCheck", look.at() == null ? "never" : look.at().toString());
    if (look.error() != null) {
      health
          .withDetail("error", look.error())
          .withDetail("failedChecksInARow", look.failuresInARow());
    }
    if (!breakerClosed) {
      health.withDetail("refusal", breakers.refusal(Dependency.POSTGRES));
    }
  }
}
