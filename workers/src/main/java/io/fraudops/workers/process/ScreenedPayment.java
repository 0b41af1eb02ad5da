package io.fraudops.workers.process;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fraudops.feature.transaction.CardNumber;
import io.fraudops.feature.transaction.Transaction;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The payment as it travels through the process after Validate: normalised, the card only masked
 * with its keyed fingerprint. Later workers read this form and never parse the caller's payload
 * again; the record's fields are the keys of the {@code transaction} variable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreenedPayment(
    String transactionId,
    String customerId,
    String cardNumber,
    String cardFingerprint,
    BigDecimal amount,
    String currency,
    String merchantId,
    String merchantCategory,
    String country,
    Double latitude,
    Double longitude,
    String channel,
    String timestamp,
    String deviceId) {

  public static ScreenedPayment of(Transaction tx) {
    CardNumber card = tx.card();
    return new ScreenedPayment(
        tx.transactionId(),
        tx.customerId(),
        card == null ? null : card.masked(),
        card == null ? null : card.fingerprint(),
        tx.amount(),
        tx.currency(),
        tx.merchantId(),
        tx.merchantCategory(),
        tx.country(),
        tx.latitude(),
        tx.longitude(),
        tx.channel(),
        tx.timestamp().toString(),
        tx.deviceId());
  }

  /**
   * The domain transaction. Its constructor re-checks the invariants (cheap, no parsing), so a
   * variable edited by hand in Operate cannot carry an invalid payment further.
   */
  public Transaction toTransaction() {
    CardNumber card = cardNumber == null ? null : CardNumber.ofMasked(cardNumber, cardFingerprint);
    return new Transaction(
        transactionId,
        customerId,
        card,
        amount,
        currency,
        merchantId,
        merchantCategory,
        country,
        latitude,
        longitude,
        channel,
        timestamp == null ? null : Instant.parse(timestamp),
        deviceId);
  }
}
