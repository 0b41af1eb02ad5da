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
  public static final String HOME_LATITUDE = "home_latitude";
  public static final String HOME_LONGITUDE = "home_longitude";

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
          LABEL_KNOWN_AT,
          HOME_LATITUDE,
          HOME_LONGITUDE);

  /**
   * A file without one of these cannot be loaded at all, so it is refused before any store starts.
   * {@code customer_id} is required too unless {@code card_number} is there to stand in for it.
   */
  public static final Set<String> REQUIRED =
      Set.of(TRANSACTION_ID, AMOUNT, MERCHANT_ID, MERCHANT_CATEGORY, TIMESTAMP);

  /** Columns a mapping may set to one value for every row ({@code currency=USD}). */
  public static final Set<String> CONSTANT_ALLOWED =
      Set.of(CURRENCY, COUNTRY, CHANNEL, LABEL_SOURCE);

  /** When the file has no currency column and the mapping gives none. */
  public static final String DEFAULT_CURRENCY = "USD";

  /** When the file has no country column and the mapping gives none. */
  public static final String DEFAULT_COUNTRY = "US";

  private HistoryColumns() {}

  /** The schema as the commands' help prints it. */
  public static String help() {
    return """
                CSV: UTF-8, a header row, one payment per line; columns found by name (--map renames them).
                  transaction_id *    unique; a repeated id is reported and not loaded again
                  customer_id         required unless card_number is given: the card's keyed fingerprint
                                      then identifies the customer (one card per customer)
                  card_number         full number, masked and fingerprinted (keyed: HMAC under the card
                                      key) on ingest, never stored in clear
                  amount *            greater than 0, at most 2 decimals
                  currency            ISO 4217; default %s (or a constant: --map currency=EUR)
                  merchant_id *, merchant_category *
                  country             ISO 3166 alpha-2; default %s (or a constant: --map country=FR)
                  latitude, longitude payment location, both or neither
                  channel             POS, ECOM or ATM; default POS for a located payment, ECOM otherwise
                  timestamp *         see --timestamp-format (iso, epoch-seconds, epoch-millis or a pattern
                                      such as 'yyyy-MM-dd HH:mm:ss') and --time-zone (default UTC)
                  device_id
                  fraud_label         true/false or 1/0; empty: no label
                  label_source        analyst, chargeback or import (default)
                  label_known_at      when the label became known (same format as timestamp); default the
                                      payment's time plus --label-delay
                  home_latitude, home_longitude  the customer's home (address), both or neither; profiles
                                      then measure distance_from_home_km from it
                """
        .formatted(DEFAULT_CURRENCY, DEFAULT_COUNTRY);
  }
}
