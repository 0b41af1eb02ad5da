package io.fraudops.feature.backfill;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.feature.transaction.Channel;
import io.fraudops.feature.transaction.InvalidTransactionException;
import io.fraudops.feature.transaction.PayloadKeys;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.feature.transaction.TransactionParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the fields of one line into a payment, its label and the customer's declared home. The
 * payment goes through the live {@link TransactionParser}, so a backfilled row meets exactly the
 * rules a screened payment meets. The label and home are checked here; a row with a bad label or
 * home is rejected whole, so fixing and re-running the file loads it complete.
 *
 * <p>The card number is tokenized here, once, with the parser's keyed {@link CardTokenizer}: the
 * payload only ever holds its mask, keyed fingerprint and token MAC, and when the file has no
 * customer column the keyed fingerprint is the customer id (never a plain hash: the 10^5 candidates
 * a mask leaves could be tested against one in milliseconds).
 */
final class RowParser {

  private static final String TIMESTAMP_REQUIRED = "timestamp is required";

  private final TransactionParser parser;
  private final CardTokenizer cards;
  private final FileLayout layout;
  private final TimestampFormat.Reader timestamps;
  private final Duration labelDelay;

  RowParser(
      TransactionParser parser, FileLayout layout, TimestampFormat format, Duration labelDelay) {
    this.parser = parser;
    this.cards = parser.cards();
    this.layout = layout;
    this.timestamps = format.reader();
    this.labelDelay = labelDelay;
  }

  /** Parses one line of the file (not the header). */
  HistoryRow parse(String line) throws RejectedRowException {
    List<String> fields;
    try {
      fields = CsvLine.split(line);
    } catch (IllegalArgumentException e) {
      throw new RejectedRowException("", "malformed CSV: " + e.getMessage());
    }
    // Never quote the fields: with a shifted column, any of them may hold the card number.
    if (fields.size() != layout.width()) {
      throw new RejectedRowException(
          "", "expected " + layout.width() + " fields as in the header, got " + fields.size());
    }
    return parse(fields);
  }

  private HistoryRow parse(List<String> fields) throws RejectedRowException {
    List<String> problems = new ArrayList<>(2);
    Map<String, Object> payload = new HashMap<>(24);
    put(payload, PayloadKeys.TRANSACTION_ID, fields, HistoryColumns.TRANSACTION_ID);
    put(payload, PayloadKeys.AMOUNT, fields, HistoryColumns.AMOUNT);
    put(payload, PayloadKeys.CURRENCY, fields, HistoryColumns.CURRENCY);
    put(payload, PayloadKeys.MERCHANT_ID, fields, HistoryColumns.MERCHANT_ID);
    put(payload, PayloadKeys.MERCHANT_CATEGORY, fields, HistoryColumns.MERCHANT_CATEGORY);
    put(payload, PayloadKeys.COUNTRY, fields, HistoryColumns.COUNTRY);
    put(payload, PayloadKeys.LATITUDE, fields, HistoryColumns.LATITUDE);
    put(payload, PayloadKeys.LONGITUDE, fields, HistoryColumns.LONGITUDE);
    put(payload, PayloadKeys.CHANNEL, fields, HistoryColumns.CHANNEL);
    put(payload, PayloadKeys.DEVICE_ID, fields, HistoryColumns.DEVICE_ID);
    payload.putIfAbsent(PayloadKeys.CURRENCY, HistoryColumns.DEFAULT_CURRENCY);
    payload.putIfAbsent(PayloadKeys.COUNTRY, HistoryColumns.DEFAULT_COUNTRY);
    if (!payload.containsKey(PayloadKeys.CHANNEL)) {
      // A payment with a terminal's location was made there; one without was made online.
      payload.put(
          PayloadKeys.CHANNEL,
          payload.containsKey(PayloadKeys.LATITUDE) ? Channel.POS.name() : Channel.ECOM.name());
    }

    // The clear number goes through the deployment's keyed tokenizer here, once, before anything
    // else sees the payload: from then on it holds only the mask, the keyed fingerprint and the
    // MAC.
    String rawCard = field(fields, HistoryColumns.CARD_NUMBER);
    if (rawCard != null) {
      if (rawCard.contains("*")) {
        problems.add(
            "card_number is masked: a backfill needs the full number to fingerprint it (leave the"
                + " field empty instead)");
      } else {
        payload.put(PayloadKeys.CARD_NUMBER, rawCard);
      }
    }
    payload = cards.tokenize(payload);
    // Null when the row has no usable card; the parser then reports why (cardNumberProblem).
    String fingerprint = (String) payload.get(PayloadKeys.CARD_FINGERPRINT);
    String customer = field(fields, HistoryColumns.CUSTOMER_ID);
    if (layout.customerFromCard()) {
      if (fingerprint != null) {
        payload.put(PayloadKeys.CUSTOMER_ID, fingerprint);
      } else {
        if (rawCard == null) {
          problems.add(
              "card_number is required: without a customer_id column the card identifies the"
                  + " customer");
        }
        // The row is refused for its card; a stand-in keeps the parser from adding "customerId is
        // required".
        payload.put(PayloadKeys.CUSTOMER_ID, "unknown");
      }
    } else if (customer != null) {
      if (rawCard != null && digits(customer).equals(digits(rawCard))) {
        problems.add(
            "customer_id holds the card number: leave customer_id out and map card_number"
                + " only (the card's fingerprint then identifies the customer)");
        // The row is refused; a stand-in keeps the parser from adding "customerId is required".
        payload.put(PayloadKeys.CUSTOMER_ID, "refused");
      } else {
        payload.put(PayloadKeys.CUSTOMER_ID, customer);
      }
    }

    boolean timestampBad = false;
    String timestampText = field(fields, HistoryColumns.TIMESTAMP);
    if (timestampText != null) {
      try {
        payload.put(
            PayloadKeys.TIMESTAMP, timestamps.read(HistoryColumns.TIMESTAMP, timestampText));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        timestampBad = true;
      }
    }

    Transaction tx = null;
    try {
      tx = parser.parse(payload);
    } catch (InvalidTransactionException e) {
      for (String problem : e.problems()) {
        if (!(timestampBad && problem.equals(TIMESTAMP_REQUIRED))) {
          problems.add(problem);
        }
      }
    }
    double[] home = home(fields, problems);
    LabelEvent label = label(fields, tx, problems);
    if (!problems.isEmpty()) {
      throw new RejectedRowException(reportableId(fields), problems);
    }
    return new HistoryRow(tx, label, home == null ? null : home[0], home == null ? null : home[1]);
  }

  private double[] home(List<String> fields, List<String> problems) {
    String latitude = field(fields, HistoryColumns.HOME_LATITUDE);
    String longitude = field(fields, HistoryColumns.HOME_LONGITUDE);
    if (latitude == null && longitude == null) {
      return null;
    }
    if (latitude == null || longitude == null) {
      problems.add("home_latitude and home_longitude must both be present or both absent");
      return null;
    }
    Double lat = coordinate(HistoryColumns.HOME_LATITUDE, latitude, 90, problems);
    Double lon = coordinate(HistoryColumns.HOME_LONGITUDE, longitude, 180, problems);
    return lat == null || lon == null ? null : new double[] {lat, lon};
  }

  private static Double coordinate(
      String column, String text, double limit, List<String> problems) {
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value) && Math.abs(value) <= limit) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    problems.add(column + " must be a number between " + (int) -limit + " and " + (int) limit);
    return null;
  }

  private LabelEvent label(List<String> fields, Transaction tx, List<String> problems) {
    String fraudText = field(fields, HistoryColumns.FRAUD_LABEL);
    String source = field(fields, HistoryColumns.LABEL_SOURCE);
    String knownAtText = field(fields, HistoryColumns.LABEL_KNOWN_AT);
    if (fraudText == null) {
      if ((source != null && !layout.constants().containsKey(HistoryColumns.LABEL_SOURCE))
          || knownAtText != null) {
        problems.add("label_source and label_known_at need a fraud_label");
      }
      return null;
    }
    Boolean fraud =
        switch (fraudText.toLowerCase(Locale.ROOT)) {
          case "true", "1" -> true;
          case "false", "0" -> false;
          default -> null;
        };
    if (fraud == null) {
      problems.add("fraud_label must be true, false, 1, 0 or empty");
    }
    String labelSource = source == null ? "import" : source;
    if (!LabelEvent.SOURCES.contains(labelSource)) {
      problems.add("label_source must be one of analyst, chargeback, import or empty");
    }
    Instant knownAt = null;
    if (knownAtText != null) {
      try {
        knownAt = timestamps.read(HistoryColumns.LABEL_KNOWN_AT, knownAtText);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (tx == null || !problems.isEmpty()) {
      return null;
    }
    if (knownAt == null) {
      knownAt = tx.timestamp().plus(labelDelay);
    } else if (knownAt.isBefore(tx.timestamp())) {
      problems.add("label_known_at must not be before the payment's timestamp");
      return null;
    }
    return new LabelEvent(
        tx.transactionId(),
        tx.customerId(),
        tx.merchantId(),
        tx.merchantCategory(),
        fraud,
        labelSource,
        knownAt);
  }

  // An id longer than any valid one is more likely a shifted column than an id: leave it out.
  private String reportableId(List<String> fields) {
    String id = field(fields, HistoryColumns.TRANSACTION_ID);
    return id == null || id.length() > 64 ? "" : id;
  }

  private void put(Map<String, Object> payload, String key, List<String> fields, String column) {
    String value = field(fields, column);
    if (value != null) {
      payload.put(key, value);
    }
  }

  /** The trimmed value of a column or its constant; null when absent or the field is empty. */
  private String field(List<String> fields, String column) {
    Integer index = layout.positions().get(column);
    if (index == null) {
      return layout.constants().get(column);
    }
    String value = fields.get(index).strip();
    return value.isEmpty() ? null : value;
  }

  private static String digits(String text) {
    return text == null ? "" : text.replace(" ", "").replace("-", "");
  }
}
