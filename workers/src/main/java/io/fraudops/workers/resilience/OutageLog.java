package io.fraudops.workers.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people about one dependency's outages, once per change and never per call: a WARN when its
 * breaker opens (with the last error and what it means for payments), an INFO when it closes again
 * (with how long it was out), DEBUG for the breaker's own probing in between (open ⇄ half-open).
 * Counts outages in {@code fraud_dependency_outages_total{dependency}} and shows the state in
 * {@code fraud_dependency_up{dependency}} (1 closed, 0 open or half-open).
 */
final class OutageLog {

  private static final Logger log = LoggerFactory.getLogger(OutageLog.class);
  private static final int MAX_ERROR_LENGTH = 300;

  private final Dependency dependency;
  private final Counter outages;
  private volatile String lastError;
  private volatile Instant openedAt;

  OutageLog(Dependency dependency, CircuitBreaker breaker, MeterRegistry meters) {
    this.dependency = dependency;
    this.outages =
        Counter.builder("fraud.dependency.outages")
            .tag("dependency", dependency.id())
            .description("times the dependency's circuit breaker opened")
            .register(meters);
    Gauge.builder(
            "fraud.dependency.up",
            breaker,
            b -> b.getState() == CircuitBreaker.State.CLOSED ? 1 : 0)
        .tag("dependency", dependency.id())
        .description(
            "1 while calls to the dependency go through, 0 while its circuit breaker is open")
        .strongReference(true)
        .register(meters);
    breaker.getEventPublisher().onError(event -> noteError(event.getThrowable()));
    breaker.getEventPublisher().onStateTransition(this::changed);
  }

  void noteError(Throwable error) {
    lastError = describe(error);
  }

  String lastError() {
    return lastError;
  }

  String refusal() {
    Instant since = openedAt;
    return dependency.description()
        + " is unavailable (circuit breaker open"
        + (since != null ? " since " + since : "")
        + (lastError != null ? "; last error: " + lastError : "")
        + ")";
  }

  private void changed(CircuitBreakerOnStateTransitionEvent event) {
    CircuitBreaker.State from = event.getStateTransition().getFromState();
    CircuitBreaker.State to = event.getStateTransition().getToState();
    if (from == CircuitBreaker.State.CLOSED && to == CircuitBreaker.State.OPEN) {
      openedAt = Instant.now();
      outages.increment();
      log.warn(
          "{} is unavailable: circuit breaker '{}' opened ({}); {}",
          dependency.description(),
          dependency.id(),
          lastError == null ? "no error recorded" : "last error: " + lastError,
          dependency.consequence());
    } else if (to == CircuitBreaker.State.CLOSED) {
      Instant since = openedAt;
      openedAt = null;
      log.info(
          "{} answers again: circuit breaker '{}' closed{}",
          dependency.description(),
          dependency.id(),
          since == null
              ? ""
              : " after " + Duration.between(since, Instant.now()).toMillis() + " ms");
    } else {
      log.debug("Circuit breaker '{}': {} -> {}", dependency.id(), from, to);
    }
  }

  /**
   * The exception and its root cause, short: enough to tell a refused connection from a timeout.
   */
  static String describe(Throwable error) {
    if (error == null) {
      return null;
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = error.getClass().getSimpleName() + ": " + error.getMessage();
    if (root != error) {
      text += " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
  }
}
