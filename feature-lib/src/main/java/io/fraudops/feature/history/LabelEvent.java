package io.fraudops.feature.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A fraud label on a payment, and when it became known: an analyst's decision minutes later, a
 * chargeback weeks later. Features may only use labels whose {@code knownAt} is before the payment
 * they describe.
 *
 * @param source {@code analyst}, {@code chargeback} or {@code import}
 */
public record LabelEvent(
    String transactionId,
    String customerId,
    String merchantId,
    String merchantCategory,
    boolean fraud,
    String source,
    Instant knownAt)
    implements HistoryEvent {

  public static final Set<String> SOURCES = Set.of("analyst", "chargeback", "import");

  public LabelEvent {
    requireText(transactionId, "transactionId");
    requireText(customerId, "customerId");
    requireText(merchantId, "merchantId");
    requireText(merchantCategory, "merchantCategory");
    if (!SOURCES.contains(source)) {
      throw new IllegalArgumentException(
          "label source must be one of " + SOURCES + " (got '" + source + "')");
    }
    Objects.requireNonNull(knownAt, "knownAt");
  }

  @Override
  public Instant at() {
    return knownAt;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
