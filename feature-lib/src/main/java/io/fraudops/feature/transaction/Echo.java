package io.fraudops.feature.transaction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quotes a rejected value back to the sender. A card number pasted into the wrong field must not
 * leak into an error message, so any long run of digits is masked, and values are cut short so a
 * hostile payload cannot flood the logs.
 */
final class Echo {

  private static final Pattern CARD_LIKE = Pattern.compile("(?:\\d[ -]?){11,}\\d");
  private static final int MAX_LENGTH = 40;

  private Echo() {}

  /**
   * Whether the text may hold a card number: a run of digits (spaces and dashes allowed between
   * them) that passes the Luhn check at a card's length, or is longer than any card.
   */
  static boolean mayHoldCardNumber(String text) {
    Matcher run = CARD_LIKE.matcher(text);
    while (run.find()) {
      String digits = run.group().replace(" ", "").replace("-", "");
      if (digits.length() > CardNumber.MAX_DIGITS || CardNumber.passesLuhn(digits)) {
        return true;
      }
    }
    return false;
  }

  static String quote(Object value) {
    return "'" + plain(value) + "'";
  }

  static String plain(Object value) {
    String text = String.valueOf(value);
    text = CARD_LIKE.matcher(text).replaceAll("<digits removed>");
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH) + "…";
    }
    return text.replaceAll("\\p{Cntrl}", "?");
  }
}
