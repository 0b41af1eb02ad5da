package io.fraudops.feature.chargeback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A chargeback: the card holder disputed a payment as fraud, reported on {@code date}. Its fraud
 * label is known from the end of that date (UTC), or from when it is recorded if that is earlier: a
 * chargeback dated today is known now, not tomorrow, and one reported without a time never reaches
 * a payment made earlier on its date (the report may have come in after it).
 *
 * @param reason what the issuer or the card holder said, e.g. "4837 no cardholder authorization"
 */
public record Chargeback(String transactionId, String reason, LocalDate date) {

  static final int MAX_ID = 200;
  static final int MAX_REASON = 500;

  public Chargeback {
    transactionId = text(transactionId, "transactionId", MAX_ID);
    reason = text(reason, "reason", MAX_REASON);
    if (date == null) {
      throw new IllegalArgumentException(
          "date is required: the day the chargeback was reported, as 2026-01-31");
    }
  }

  /** From the fields as a caller sends them; each problem gets its own message. */
  public static Chargeback of(String transactionId, String reason, String date) {
    if (date == null || date.isBlank()) {
      return new Chargeback(transactionId, reason, null);
    }
    try {
      return new Chargeback(transactionId, reason, LocalDate.parse(date.trim()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "date must be a day as YYYY-MM-DD, e.g. 2026-01-31 (got '" + date + "')");
    }
  }

  /** When the label counts from, recorded at {@code now}. */
  public Instant knownAt(Instant now) {
    Instant endOfDay = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return endOfDay.isBefore(now) ? endOfDay : now;
  }

  private static String text(String value, String name, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    String trimmed = value.trim();
    if (trimmed.length() > max) {
      throw new IllegalArgumentException(
          name + " must be at most " + max + " characters (got " + trimmed.length() + ")");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          name + " must not contain control characters (line breaks, tabs, ...)");
    }
    return trimmed;
  }
}
