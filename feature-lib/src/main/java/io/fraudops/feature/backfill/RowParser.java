package io.fraudops.feature.backfill;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.InvalidTransactionException;
import io.fraudops.feature.transaction.PayloadKeys;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.feature.transaction.TransactionParser;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the fields of one line into a payment and its label. The payment goes through the live
 * {@link TransactionParser}, so a backfilled row meets exactly the rules a screened payment meets.
 * The label is checked here; a row with a bad label is rejected whole, so fixing and re-running the
 * file loads it complete.
 */
final class RowParser {

  private final TransactionParser parser;
  private final Map<String, Integer> columns;
  private final int width;
  private final Duration labelDelay;

  RowParser(
      TransactionParser parser,
      Map<String, Integer> columns,
      int headerWidth,
      Duration labelDelay) {
    this.parser = parser;
    this.columns = Map.copyOf(columns);
    this.width = headerWidth;
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
    if (fields.size() != width) {
      throw new RejectedRowException(
          "", "expected " + width + " fields as in the header, got " + fields.size());
    }
    return parse(fields);
  }

  private HistoryRow parse(List<String> fields) throws RejectedRowException {
    Map<String, Object> payload = new HashMap<>(16);
    put(payload, PayloadKeys.TRANSACTION_ID, fields, HistoryColumns.TRANSACTION_ID);
    put(payload, PayloadKeys.CUSTOMER_ID, fields, HistoryColumns.CUSTOMER_ID);
    put(payload, PayloadKeys.CARD_NUMBER, fields, HistoryColumns.CARD_NUMBER);
    put(payload, PayloadKeys.AMOUNT, fields, HistoryColumns.AMOUNT);
    put(payload, PayloadKeys.CURRENCY, fields, HistoryColumns.CURRENCY);
    put(payload, PayloadKeys.MERCHANT_ID, fields, HistoryColumns.MERCHANT_ID);
    put(payload, PayloadKeys.MERCHANT_CATEGORY, fields, HistoryColumns.MERCHANT_CATEGORY);
    put(payload, PayloadKeys.COUNTRY, fields, HistoryColumns.COUNTRY);
    put(payload, PayloadKeys.LATITUDE, fields, HistoryColumns.LATITUDE);
    put(payload, PayloadKeys.LONGITUDE, fields, HistoryColumns.LONGITUDE);
    put(payload, PayloadKeys.CHANNEL, fields, HistoryColumns.CHANNEL);
    put(payload, PayloadKeys.TIMESTAMP, fields, HistoryColumns.TIMESTAMP);
    put(payload, PayloadKeys.DEVICE_ID, fields, HistoryColumns.DEVICE_ID);

    List<String> problems = new ArrayList<>(2);
    Transaction tx = null;
    try {
      // A history file holds clear card numbers: tokenized here, never stored.
      tx = parser.tokenizeAndParse(payload);
    } catch (InvalidTransactionException e) {
      problems.addAll(e.problems());
    }
    LabelEvent label = label(fields, tx, problems);
    if (!problems.isEmpty()) {
      throw new RejectedRowException(reportableId(fields), problems);
    }
    return new HistoryRow(tx, label);
  }

  private LabelEvent label(List<String> fields, Transaction tx, List<String> problems) {
    String fraudText = field(fields, HistoryColumns.FRAUD_LABEL);
    String source = field(fields, HistoryColumns.LABEL_SOURCE);
    String knownAtText = field(fields, HistoryColumns.LABEL_KNOWN_AT);
    if (fraudText == null) {
      if (source != null || knownAtText != null) {
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
        knownAt = OffsetDateTime.parse(knownAtText).toInstant();
      } catch (DateTimeParseException e) {
        problems.add("label_known_at must be an ISO-8601 instant such as 2025-01-31T12:00:00Z");
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

  /** The trimmed value of a column, null when the column is absent or the field empty. */
  private String field(List<String> fields, String column) {
    Integer index = columns.get(column);
    if (index == null) {
      return null;
    }
    String value = fields.get(index).strip();
    return value.isEmpty() ? null : value;
  }
}
