package io.fraudops.workers.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The circuit breaker of each {@link Dependency}, configured under {@code
 * resilience4j.circuitbreaker.instances.<id>}, each reported by an {@link OutageLog}: a WARN when
 * it opens, a line when it closes, nothing per call.
 *
 * <p>Callers on the hot path use a breaker without a lambda ({@code tryAcquirePermission}, then
 * {@code onSuccess}/{@code onError}): no allocation and no thread hop per call; the timeouts are
 * those of the clients themselves (socket timeouts), so a call never waits on another thread.
 */
@Component
public class DependencyBreakers {

  private final Map<Dependency, CircuitBreaker> breakers = new EnumMap<>(Dependency.class);
  private final Map<Dependency, OutageLog> logs = new EnumMap<>(Dependency.class);

  public DependencyBreakers(CircuitBreakerRegistry registry, MeterRegistry meters) {
    for (Dependency dependency : Dependency.values()) {
      CircuitBreaker breaker = registry.circuitBreaker(dependency.id());
      breakers.put(dependency, breaker);
      logs.put(dependency, new OutageLog(dependency, breaker, meters));
    }
  }

  public CircuitBreaker breaker(Dependency dependency) {
    return breakers.get(dependency);
  }

  /** The last failure the breaker of {@code dependency} counted, for messages; null before any. */
  public String lastError(Dependency dependency) {
    return logs.get(dependency).lastError();
  }

  /** Whether calls to {@code dependency} go through (closed breaker). */
  public boolean isUp(Dependency dependency) {
    return breakers.get(dependency).getState() == CircuitBreaker.State.CLOSED;
  }

  /**
   * A probe that checks the dependency itself (not a payment's call) saw it fail: opens the breaker
   * at once, so payments stop waiting on it before enough of them have timed out.
   */
  public void probeFailed(Dependency dependency, Throwable error) {
    CircuitBreaker breaker = breakers.get(dependency);
    logs.get(dependency).noteError(error);
    if (breaker.getState() == CircuitBreaker.State.CLOSED) {
      breaker.transitionToOpenState();
    }
  }

  /**
   * A probe saw the dependency answer again: closes the breaker without waiting for a trial call.
   */
  public void probeSucceeded(Dependency dependency) {
    CircuitBreaker breaker = breakers.get(dependency);
    CircuitBreaker.State state = breaker.getState();
    if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN) {
      breaker.transitionToClosedState();
    }
  }

  /** Why calls are refused now, for a degraded payment's reason. */
  public String refusal(Dependency dependency) {
    return logs.get(dependency).refusal();
  }
}
