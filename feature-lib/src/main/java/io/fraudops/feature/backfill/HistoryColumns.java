package io.fraudops.feature.backfill;

import java.util.List;
import java.util.Set;

/** The column names of the documented CSV schema (see the package documentation). */
public final class HistoryColumns {

  public static final String TRANSACTION_ID = "transaction_id";
  public static final String CUSTOMER_ID = "customer_id";
  public static final String CARD_NUMBER = "card_number";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String MERCHANT_ID = "merchant_id";
  public static final String MERCHANT_CATEGORY = "merchant_category";
  public static final String COUNTRY = "country";
  public static final String LATITUDE = "latitude";
  public static final String LONGITUDE = "longitude";
  public static final String CHANNEL = "channel";
  public static final String TIMESTAMP = "timestamp";
  public static final String DEVICE_ID = "device_id";
  public static final String FRAUD_LABEL = "fraud_label";
  public static final String LABEL_SOURCE = "label_source";
  public static final String LABEL_KNOWN_AT = "label_known_at";

  /** Every column, in the order the generator writes them. */
  public static final List<String> ALL =
      List.of(
          TRANSACTION_ID,
          CUSTOMER_ID,
          CARD_NUMBER,
          AMOUNT,
          CURRENCY,
          MERCHANT_ID,
          MERCHANT_CATEGORY,
          COUNTRY,
          LATITUDE,
          LONGITUDE,
          CHANNEL,
          TIMESTAMP,
          DEVICE_ID,
          FRAUD_LABEL,
          LABEL_SOURCE,
          LABEL_KNOWN_AT);

  /** A file without one of these cannot be loaded at all, so it is refused before the first row. */
  public static final Set<String> REQUIRED =
      Set.of(
          TRANSACTION_ID,
          CUSTOMER_ID,
          AMOUNT,
          CURRENCY,
          MERCHANT_ID,
          MERCHANT_CATEGORY,
          COUNTRY,
          CHANNEL,
          TIMESTAMP);

  private HistoryColumns() {}
}
