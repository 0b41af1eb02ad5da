package io.fraudops.workers.validation;

import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment validation.
 *
 * @param earliestTimestamp the oldest payment {@code timestamp} (and {@code receivedAt}) accepted;
 *     a history older than the default needs a lower bound here before it is backfilled
 */
@ConfigurationProperties("fraud.validation")
public record ValidationProperties(
    @DefaultValue("2000-01-01T00:00:00Z") Instant earliestTimestamp) {}
