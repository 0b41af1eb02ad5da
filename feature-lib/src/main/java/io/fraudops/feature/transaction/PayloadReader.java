package io.fraudops.feature.transaction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads typed values out of a payload, recording a problem for each value of the wrong shape. */
final class PayloadReader {

  /** What {@link CardTokenizer} writes as {@code cardNumberProblem}. */
  private static final Pattern TOKENIZER_PROBLEMS =
      Pattern.compile(
          "cardNumber (must be text|must not be blank|must contain only digits|fails the Luhn check"
              + "|must have \\d+ to \\d+ digits \\(got \\d{1,4}\\))");

  private final Map<String, ?> payload;
  private final List<String> problems;
  private final List<String> unreadable = new ArrayList<>();

  PayloadReader(Map<String, ?> payload, List<String> problems) {
    this.payload = payload;
    this.problems = problems;
  }

  /** Runs a check only if every value it needs could be read. */
  void ifReadable(Runnable check, String... keys) {
    for (String key : keys) {
      if (unreadable.contains(key)) {
        return;
      }
    }
    check.run();
  }

  String text(String key) {
    Object value = payload.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    return fail(key, key + " must be text (got " + Echo.quote(value) + ")");
  }

  BigDecimal decimal(String key) {
    Object value = payload.get(key);
    try {
      return switch (value) {
        case null -> null;
        case BigDecimal d -> d;
        case BigInteger i -> new BigDecimal(i);
        case Integer i -> BigDecimal.valueOf(i);
        case Long l -> BigDecimal.valueOf(l);
        case Short s -> BigDecimal.valueOf(s);
        case Byte b -> BigDecimal.valueOf(b);
        // Float.toString keeps 12.34f as "12.34" instead of its binary expansion.
        case Float f when Float.isFinite(f) -> new BigDecimal(Float.toString(f));
        case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
        case String s -> new BigDecimal(s.trim());
        default -> fail(key, key + " must be a number (got " + Echo.quote(value) + ")");
      };
    } catch (NumberFormatException e) {
      return fail(key, key + " must be a number (got " + Echo.quote(value) + ")");
    }
  }

  Double coordinate(String key) {
    BigDecimal value = decimal(key);
    return value == null ? null : value.doubleValue();
  }

  Instant instant(String key) {
    Object value = payload.get(key);
    try {
      return switch (value) {
        case null -> null;
        case Instant i -> i;
        case OffsetDateTime o -> o.toInstant();
        case ZonedDateTime z -> z.toInstant();
        case String s -> OffsetDateTime.parse(s.trim()).toInstant();
        default -> fail(key, notAnInstant(key, value));
      };
    } catch (DateTimeParseException e) {
      return fail(key, notAnInstant(key, value));
    }
  }

  /**
   * The card as {@link CardTokenizer} left it: masked with its fingerprint (whose MAC the parser
   * checks once the transaction id is read), absent with the reason it was refused, or absent. A
   * number in clear means the payload bypassed the tokenizer: refused, and never echoed.
   */
  CardNumber card() {
    Object value = payload.get(PayloadKeys.CARD_NUMBER);
    if (value == null) {
      Object problem = payload.get(PayloadKeys.CARD_NUMBER_PROBLEM);
      return problem == null ? null : fail(PayloadKeys.CARD_NUMBER, tokenizerProblem(problem));
    }
    if (!(value instanceof String text) || text.indexOf('*') < 0) {
      return fail(
          PayloadKeys.CARD_NUMBER,
          "cardNumber must not arrive in clear: send the payment through "
              + "POST /transactions, or tokenize the card with CardTokenizer before starting the process");
    }
    try {
      return CardNumber.ofMasked(text, fingerprint());
    } catch (InvalidTransactionException e) {
      problems.addAll(e.problems());
      unreadable.add(PayloadKeys.CARD_NUMBER);
      return null;
    }
  }

  /** The MAC sent with a masked card; null when absent or not text. */
  String cardTokenMac() {
    return payload.get(PayloadKeys.CARD_TOKEN_MAC) instanceof String mac ? mac : null;
  }

  boolean isUnreadable(String key) {
    return unreadable.contains(key);
  }

  private String fingerprint() {
    Object value = payload.get(PayloadKeys.CARD_FINGERPRINT);
    return value instanceof String s ? s : null;
  }

  // Only the tokenizer's own wording passes, so a caller cannot put text of its choosing (or a
  // card number) into the validation message through this field.
  private static String tokenizerProblem(Object problem) {
    if (problem instanceof String text && TOKENIZER_PROBLEMS.matcher(text).matches()) {
      return text;
    }
    return "cardNumberProblem is set only by the card tokenizer";
  }

  private static String notAnInstant(String key, Object value) {
    return key
        + " must be an ISO-8601 instant such as 2025-01-31T12:00:00Z (got "
        + Echo.quote(value)
        + ")";
  }

  private <T> T fail(String key, String problem) {
    problems.add(problem);
    unreadable.add(key);
    return null;
  }
}
