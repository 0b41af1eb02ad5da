package io.fraudops.workers.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a failed job waits before the engine hands it out again: {@code initial}, then
 * multiplied by {@code multiplier} at each further failure, at most {@code max}. With the defaults
 * a job that fails five times (the record steps' retries) is tried over about 30 s before it
 * becomes an incident, which rides out a database restart or failover; three (the other steps) over
 * about 6 s.
 *
 * @param initial the wait after the first failure
 * @param multiplier growth per further failure, at least 1
 * @param max the longest wait
 */
@ConfigurationProperties("fraud.jobs.retry-backoff")
public record RetryBackoff(
    @DefaultValue("2s") Duration initial,
    @DefaultValue("2.0") double multiplier,
    @DefaultValue("60s") Duration max) {

  public RetryBackoff {
    if (initial == null || initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException(
          "fraud.jobs.retry-backoff.initial must be positive (got " + initial + ")");
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException(
          "fraud.jobs.retry-backoff.multiplier must be at least 1 (got " + multiplier + ")");
    }
    if (max == null || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "fraud.jobs.retry-backoff.max must be at least the initial backoff "
              + initial
              + " (got "
              + max
              + ")");
    }
  }

  /** The wait after failure number {@code attempt} (1 for the first). */
  public Duration after(int attempt) {
    double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    return millis >= max.toMillis() ? max : Duration.ofMillis(Math.round(millis));
  }
}
