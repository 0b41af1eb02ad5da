package io.fraudops.workers.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the workers wait on PostgreSQL. Reads on the screening path (customer profiles) use a
 * small pool of their own whose every statement gives up after {@code featureReadTimeout}, so a
 * stalled database degrades a payment to review instead of holding it; the probe looks at the
 * database every {@code probeInterval} and opens the {@code postgres} circuit breaker after {@code
 * probeFailuresToOpen} failed looks in a row, and closes it at the first look that succeeds.
 *
 * <p>The main pool (audit, ledger, labels) is Spring Boot's ({@code spring.datasource.hikari.*});
 * its socket timeout is set in {@code application.yaml}, and every connection it hands out first
 * asks the breaker, so while the database is out the record steps fail at once and retry with
 * backoff.
 *
 * @param featureReadTimeout network timeout of each statement of a feature read
 * @param featureReadPoolSize connections of the feature-read pool
 * @param probeInterval pause between two looks at the database
 * @param probeTimeout how long one look may take
 * @param probeFailuresToOpen failed looks in a row that open the breaker
 */
@ConfigurationProperties("fraud.postgres")
public record PostgresTimeouts(
    @DefaultValue("300ms") Duration featureReadTimeout,
    @DefaultValue("4") int featureReadPoolSize,
    @DefaultValue("1s") Duration probeInterval,
    @DefaultValue("1s") Duration probeTimeout,
    @DefaultValue("2") int probeFailuresToOpen) {

  public PostgresTimeouts {
    requirePositive(featureReadTimeout, "feature-read-timeout");
    requirePositive(probeInterval, "probe-interval");
    requirePositive(probeTimeout, "probe-timeout");
    if (featureReadPoolSize < 1 || probeFailuresToOpen < 1) {
      throw new IllegalArgumentException(
          "fraud.postgres.feature-read-pool-size and .probe-failures-to-open must be at least 1 (got "
              + featureReadPoolSize
              + ", "
              + probeFailuresToOpen
              + ")");
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "fraud.postgres." + name + " must be positive (got " + value + ")");
    }
  }
}
