package io.fraudops.feature.synthetic;

import io.fraudops.feature.transaction.CardNumber;
import java.util.Random;

/** Makes Luhn-valid 16-digit card numbers on common Visa and Mastercard prefixes. */
final class CardNumbers {

  private static final String[] PREFIXES = {"4", "4", "4", "51", "52", "53", "54", "55"};

  private CardNumbers() {}

  static String next(Random random) {
    StringBuilder digits = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
    while (digits.length() < 15) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.append(checkDigit(digits)).toString();
  }

  /** The Luhn check digit: the one digit that makes the whole number pass the check. */
  static char checkDigit(CharSequence first15) {
    for (char c = '0'; c <= '9'; c++) {
      if (CardNumber.passesLuhn(first15.toString() + c)) {
        return c;
      }
    }
    throw new IllegalStateException("no Luhn check digit for " + first15.length() + " digits");
  }
}
