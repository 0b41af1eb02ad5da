package io.fraudops.feature.transaction;

import java.util.List;

/**
 * Keys of a transaction payload, as {@link TransactionParser} reads them; {@link
 * Transaction#toMap()} writes all but the two only {@link CardTokenizer} writes.
 */
public final class PayloadKeys {

  public static final String TRANSACTION_ID = "transactionId";
  public static final String CUSTOMER_ID = "customerId";
  public static final String CARD_NUMBER = "cardNumber";

  /** The card's keyed fingerprint, written by {@link CardTokenizer} beside the masked number. */
  public static final String CARD_FINGERPRINT = "cardFingerprint";

  /**
   * Proof that {@link CardTokenizer} made the masked card and fingerprint for this transaction id.
   */
  public static final String CARD_TOKEN_MAC = "cardTokenMac";

  /** Why {@link CardTokenizer} removed an unusable card number, for the parser to report. */
  public static final String CARD_NUMBER_PROBLEM = "cardNumberProblem";

  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String MERCHANT_ID = "merchantId";
  public static final String MERCHANT_CATEGORY = "merchantCategory";
  public static final String COUNTRY = "country";
  public static final String LATITUDE = "latitude";
  public static final String LONGITUDE = "longitude";
  public static final String CHANNEL = "channel";
  public static final String TIMESTAMP = "timestamp";
  public static final String DEVICE_ID = "deviceId";

  public static final List<String> ALL =
      List.of(
          TRANSACTION_ID,
          CUSTOMER_ID,
          CARD_NUMBER,
          CARD_FINGERPRINT,
          CARD_TOKEN_MAC,
          CARD_NUMBER_PROBLEM,
          AMOUNT,
          CURRENCY,
          MERCHANT_ID,
          MERCHANT_CATEGORY,
          COUNTRY,
          LATITUDE,
          LONGITUDE,
          CHANNEL,
          TIMESTAMP,
          DEVICE_ID);

  private PayloadKeys() {}
}
