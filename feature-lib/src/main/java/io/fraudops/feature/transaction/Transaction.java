package io.fraudops.feature.transaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A card payment to screen. Always valid once built: the constructor applies the same rules as
 * {@link TransactionParser} except those that need the parser's context — the clock ("not in the
 * future"), the configured earliest timestamp, and the card token's MAC (which needs the key).
 * {@code card}, {@code latitude}, {@code longitude} and {@code deviceId} are optional; the amount
 * is normalised to two decimals so equal payments compare equal.
 *
 * @param deviceId the paying device (phone, browser fingerprint) as the payment system identifies
 *     it; null when it sent none
 */
public record Transaction(
    String transactionId,
    String customerId,
    CardNumber card,
    BigDecimal amount,
    String currency,
    String merchantId,
    String merchantCategory,
    String country,
    Double latitude,
    Double longitude,
    String channel,
    Instant timestamp,
    String deviceId) {

  public Transaction {
    List<String> problems = new ArrayList<>();
    TransactionRules.checkText(PayloadKeys.TRANSACTION_ID, transactionId, problems);
    TransactionRules.checkText(PayloadKeys.CUSTOMER_ID, customerId, problems);
    TransactionRules.checkAmount(amount, problems);
    TransactionRules.checkCurrency(currency, problems);
    TransactionRules.checkText(PayloadKeys.MERCHANT_ID, merchantId, problems);
    TransactionRules.checkText(PayloadKeys.MERCHANT_CATEGORY, merchantCategory, problems);
    TransactionRules.checkCountry(country, problems);
    TransactionRules.checkLocation(latitude, longitude, problems);
    TransactionRules.checkChannel(channel, problems);
    TransactionRules.checkTimestamp(timestamp, problems);
    TransactionRules.checkOptionalText(PayloadKeys.DEVICE_ID, deviceId, problems);
    if (!problems.isEmpty()) {
      throw new InvalidTransactionException(problems);
    }
    amount = amount.setScale(TransactionRules.MAX_AMOUNT_DECIMALS, RoundingMode.UNNECESSARY);
  }

  /** A payment without a device: callers written before devices existed keep compiling. */
  public Transaction(
      String transactionId,
      String customerId,
      CardNumber card,
      BigDecimal amount,
      String currency,
      String merchantId,
      String merchantCategory,
      String country,
      Double latitude,
      Double longitude,
      String channel,
      Instant timestamp) {
    this(
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
        timestamp,
        null);
  }

  public boolean hasLocation() {
    return latitude != null;
  }

  public long epochMillis() {
    return timestamp.toEpochMilli();
  }

  /**
   * The normalised payload, safe to store or log: the card appears only masked, with its keyed
   * fingerprint. Absent optional values are left out. It carries no card token MAC, so it cannot be
   * screened again as a new payment with this card.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(PayloadKeys.TRANSACTION_ID, transactionId);
    map.put(PayloadKeys.CUSTOMER_ID, customerId);
    if (card != null) {
      map.put(PayloadKeys.CARD_NUMBER, card.masked());
      map.put(PayloadKeys.CARD_FINGERPRINT, card.fingerprint());
    }
    map.put(PayloadKeys.AMOUNT, amount);
    map.put(PayloadKeys.CURRENCY, currency);
    map.put(PayloadKeys.MERCHANT_ID, merchantId);
    map.put(PayloadKeys.MERCHANT_CATEGORY, merchantCategory);
    map.put(PayloadKeys.COUNTRY, country);
    if (latitude != null) {
      map.put(PayloadKeys.LATITUDE, latitude);
      map.put(PayloadKeys.LONGITUDE, longitude);
    }
    map.put(PayloadKeys.CHANNEL, channel);
    map.put(PayloadKeys.TIMESTAMP, timestamp.toString());
    if (deviceId != null) {
      map.put(PayloadKeys.DEVICE_ID, deviceId);
    }
    return map;
  }
}
