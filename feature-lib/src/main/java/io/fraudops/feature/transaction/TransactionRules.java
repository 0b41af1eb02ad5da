package io.fraudops.feature.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks every transaction must pass, shared by {@link Transaction}'s constructor and {@link
 * TransactionParser} so a rule cannot drift between the two. Each check appends a readable problem
 * instead of throwing, which lets the parser report all of them at once.
 */
final class TransactionRules {

  static final int MAX_ID_LENGTH = 64;
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");
  static final int MAX_AMOUNT_DECIMALS = 2;

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private TransactionRules() {}

  static void checkText(String key, String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(key + " is required");
    } else if (value.length() > MAX_ID_LENGTH) {
      problems.add(
          key + " must be at most " + MAX_ID_LENGTH + " characters (got " + value.length() + ")");
    } else {
      checkPrintable(key, value, problems);
    }
  }

  /**
   * Identifiers end up in SQL text columns, logs, metrics and the analysts' screens: a NUL byte
   * made PostgreSQL refuse the audit row after the decision was taken, and invisible characters
   * (zero-width spaces, bidirectional overrides) make two ids look alike. Letters, marks, digits,
   * punctuation, symbols and the plain space are allowed, in any script.
   */
  private static void checkPrintable(String key, String value, List<String> problems) {
    for (int i = 0, position = 1; i < value.length(); position++) {
      int c = value.codePointAt(i);
      if (!printable(c)) {
        problems.add(
            String.format(
                "%s must contain only printable characters (found U+%04X at position %d)",
                key, c, position));
        return;
      }
      i += Character.charCount(c);
    }
  }

  private static boolean printable(int c) {
    if (c == ' ') {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }

  /** An optional id: absent is fine, present means non-blank and at most {@link #MAX_ID_LENGTH}. */
  static void checkOptionalText(String key, String value, List<String> problems) {
    if (value != null) {
      checkText(key, value, problems);
    }
  }

  static void checkAmount(BigDecimal amount, List<String> problems) {
    if (amount == null) {
      problems.add("amount is required");
      return;
    }
    if (amount.signum() <= 0) {
      problems.add(
          "amount must be greater than 0 (got " + Echo.plain(amount.toPlainString()) + ")");
    } else if (amount.compareTo(MAX_AMOUNT) > 0) {
      problems.add(
          "amount must be at most "
              + MAX_AMOUNT
              + " (got "
              + Echo.plain(amount.toPlainString())
              + ")");
    }
    if (amount.stripTrailingZeros().scale() > MAX_AMOUNT_DECIMALS) {
      problems.add(
          "amount must have at most "
              + MAX_AMOUNT_DECIMALS
              + " decimal places (got "
              + Echo.plain(amount.toPlainString())
              + ")");
    }
  }

  static void checkCurrency(String currency, List<String> problems) {
    if (currency == null) {
      problems.add("currency is required");
    } else if (!CURRENCY.matcher(currency).matches()) {
      problems.add("currency must be a 3-letter ISO 4217 code (got " + Echo.quote(currency) + ")");
    } else if (!IsoCodes.CURRENCIES.contains(currency)) {
      problems.add(
          "currency must be an ISO 4217 currency in circulation (got "
              + Echo.quote(currency)
              + ")");
    }
  }

  static void checkCountry(String country, List<String> problems) {
    if (country == null) {
      problems.add("country is required");
    } else if (!COUNTRY.matcher(country).matches()) {
      problems.add("country must be a 2-letter ISO 3166 code (got " + Echo.quote(country) + ")");
    } else if (!IsoCodes.COUNTRIES.contains(country)) {
      problems.add(
          "country must be an assigned ISO 3166-1 alpha-2 code (got " + Echo.quote(country) + ")");
    }
  }

  static void checkLocation(Double latitude, Double longitude, List<String> problems) {
    if ((latitude == null) != (longitude == null)) {
      problems.add("latitude and longitude must both be present or both absent");
      return;
    }
    if (latitude != null) {
      checkCoordinate("latitude", latitude, 90, problems);
      checkCoordinate("longitude", longitude, 180, problems);
    }
  }

  static void checkChannel(String channel, List<String> problems) {
    if (channel == null) {
      problems.add("channel is required");
    } else if (!Channel.isKnown(channel)) {
      problems.add("channel must be one of POS, ECOM, ATM (got " + Echo.quote(channel) + ")");
    }
  }

  static void checkTimestamp(Instant timestamp, List<String> problems) {
    if (timestamp == null) {
      problems.add("timestamp is required");
    }
  }

  private static void checkCoordinate(
      String key, double value, double limit, List<String> problems) {
    if (!Double.isFinite(value) || value < -limit || value > limit) {
      problems.add(
          key
              + " must be between "
              + (int) -limit
              + " and "
              + (int) limit
              + " (got "
              + value
              + ")");
    }
  }
}
