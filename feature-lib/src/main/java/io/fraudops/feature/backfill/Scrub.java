package io.fraudops.feature.backfill;

import java.util.regex.Pattern;

/**
 * Last line of defence for text that reaches the report or a log: any run of digits long enough to
 * be a card number is removed, and the text is cut short. The parser's messages are already safe;
 * this also covers ours and anything a future message might quote.
 */
final class Scrub {

  private static final Pattern CARD_LIKE = Pattern.compile("(?:\\d[ -]?){11,}\\d");
  private static final int MAX_LENGTH = 400;

  private Scrub() {}

  static String text(String value) {
    if (value == null) {
      return "";
    }
    String text =
        CARD_LIKE.matcher(value).replaceAll("<digits removed>").replaceAll("\\p{Cntrl}", "?");
    return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
  }
}
