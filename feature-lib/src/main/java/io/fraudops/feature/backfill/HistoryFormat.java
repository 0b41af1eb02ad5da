package io.fraudops.feature.backfill;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Known shapes of history files: the project's own schema, and the public card-fraud datasets'
 * ({@code fraudTrain.csv}-style: {@code trans_date_trans_time, cc_num, merchant, category, amt, …,
 * is_fraud}). A format is a preset of the mapping and the timestamp format; explicit options
 * override it.
 */
public enum HistoryFormat {
  NATIVE("native", ColumnMapping.NONE, TimestampFormat.ISO),

  /**
   * No customer id (the card is the customer), no currency, country or channel (defaults), the home
   * in {@code lat}/{@code long}, the payment at {@code merch_lat}/{@code merch_long}, local times.
   */
  KAGGLE(
      "kaggle",
      ColumnMapping.parse(
          "transaction_id=trans_num,card_number=cc_num,amount=amt,"
              + "merchant_id=merchant,merchant_category=category,latitude=merch_lat,longitude=merch_long,"
              + "home_latitude=lat,home_longitude=long,timestamp=trans_date_trans_time,fraud_label=is_fraud"),
      "yyyy-MM-dd HH:mm:ss");

  /** The columns of a Kaggle-style file, in their usual order. */
  public static final List<String> KAGGLE_COLUMNS =
      List.of(
          "trans_date_trans_time",
          "cc_num",
          "merchant",
          "category",
          "amt",
          "first",
          "last",
          "gender",
          "street",
          "city",
          "state",
          "zip",
          "lat",
          "long",
          "city_pop",
          "job",
          "dob",
          "trans_num",
          "unix_time",
          "merch_lat",
          "merch_long",
          "is_fraud");

  private final String id;
  private final ColumnMapping mapping;
  private final String timestampFormat;

  HistoryFormat(String id, ColumnMapping mapping, String timestampFormat) {
    this.id = id;
    this.mapping = mapping;
    this.timestampFormat = timestampFormat;
  }

  /** {@code native} or {@code kaggle}; blank for native. */
  public static HistoryFormat parse(String name) {
    if (name == null || name.isBlank()) {
      return NATIVE;
    }
    return Arrays.stream(values())
        .filter(f -> f.id.equals(name.strip().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown format '" + name.strip() + "': use native or kaggle"));
  }

  public String id() {
    return id;
  }

  public ColumnMapping mapping() {
    return mapping;
  }

  /** The default {@link TimestampFormat} name of the format. */
  public String timestampFormat() {
    return timestampFormat;
  }
}
