package io.fraudops.feature.synthetic;

import io.fraudops.feature.transaction.Transaction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One generated payment with its ground truth.
 *
 * @param payload what a payment system would send: strings, numbers, an ISO-8601 timestamp and the
 *     full card number; always present, malformed for {@link FraudPattern#INVALID}
 * @param transaction the parsed payload; null exactly for INVALID
 * @param fraud true exactly for the fraud patterns
 */
public record LabelledTransaction(
    Map<String, Object> payload, Transaction transaction, boolean fraud, FraudPattern pattern) {

  public LabelledTransaction {
    Objects.requireNonNull(pattern, "pattern");
    payload =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(payload, "payload")));
    if ((transaction == null) != (pattern == FraudPattern.INVALID)) {
      throw new IllegalArgumentException("a transaction is absent exactly for INVALID payloads");
    }
    if (fraud != pattern.isFraud()) {
      throw new IllegalArgumentException("fraud label contradicts pattern " + pattern);
    }
  }

  public boolean valid() {
    return transaction != null;
  }

  /** The payload holds a full card number, so it is left out. */
  @Override
  public String toString() {
    return "LabelledTransaction["
        + pattern
        + ", fraud="
        + fraud
        + ", "
        + (transaction != null ? transaction : "invalid payload " + payload.get("transactionId"))
        + "]";
  }
}
