package io.fraudops.feature.backfill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A header resolved against the schema: where each column is, which are constants, which take their
 * default. Built by {@link ColumnMapping#resolve}, only when the header is usable.
 *
 * @param positions schema column to its index in a line
 * @param constants schema column to the value every row gets
 * @param width fields per line, as in the header
 * @param mapping the mapping it was resolved with, for the plan
 */
record FileLayout(
    Map<String, Integer> positions,
    Map<String, String> constants,
    int width,
    Map<String, String> mapping) {

  FileLayout {
    positions = Map.copyOf(positions);
    constants = Map.copyOf(constants);
    mapping = Map.copyOf(mapping);
  }

  boolean has(String column) {
    return positions.containsKey(column);
  }

  /** The customer is the card when the file has no customer column. */
  boolean customerFromCard() {
    return !has(HistoryColumns.CUSTOMER_ID);
  }

  /** What each optional column becomes, for the lines the backfill prints before loading. */
  List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (String column : HistoryColumns.ALL) {
      String line;
      if (has(column)) {
        String name = mapping.getOrDefault(column, column);
        line = name.equals(column) ? null : column + " <- column '" + name + "'";
      } else if (constants.containsKey(column)) {
        line = column + " = " + constants.get(column) + " for every row (constant)";
      } else {
        line =
            switch (column) {
              case HistoryColumns.CUSTOMER_ID ->
                  "customer_id: none; the card's keyed fingerprint (HMAC under"
                      + " the card key) identifies the customer";
              case HistoryColumns.CURRENCY ->
                  "currency: none; "
                      + HistoryColumns.DEFAULT_CURRENCY
                      + " for every row (default; --map currency=XXX to set another)";
              case HistoryColumns.COUNTRY ->
                  "country: none; "
                      + HistoryColumns.DEFAULT_COUNTRY
                      + " for every row (default; --map country=XX to set another)";
              case HistoryColumns.CHANNEL ->
                  "channel: none; POS for located payments, ECOM for the others"
                      + " (default; --map channel=POS to set one)";
              case HistoryColumns.HOME_LATITUDE ->
                  "home_latitude/home_longitude: none; a customer's home is"
                      + " their most frequent payment location";
              case HistoryColumns.FRAUD_LABEL -> "fraud_label: none; no labels are loaded";
              case HistoryColumns.LABEL_KNOWN_AT ->
                  has(HistoryColumns.FRAUD_LABEL)
                      ? "label_known_at: none; labels known at the payment's time plus --label-delay"
                      : null;
              default -> null;
            };
      }
      if (line != null) {
        lines.add(line);
      }
    }
    return lines;
  }
}
