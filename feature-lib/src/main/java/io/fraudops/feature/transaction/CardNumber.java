package io.fraudops.feature.transaction;

import java.util.regex.Pattern;

/**
 * A payment card as this service holds it: its mask and its keyed fingerprint, never the number.
 * Only {@link CardTokenizer} makes one from a clear number; {@link #ofMasked(String, String)} reads
 * one back from storage or from a payload whose token {@link TransactionParser} has verified.
 */
public record CardNumber(String masked, String fingerprint) {

  static final int MIN_DIGITS = 12;
  static final int MAX_DIGITS = 19;

  private static final Pattern MASKED = Pattern.compile("\\d{4,6}\\*{4,9}\\d{4}");
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

  public CardNumber {
    if (masked == null || !MASKED.matcher(masked).matches()) {
      throw new InvalidTransactionException("cardNumber mask must look like 411111******1111");
    }
    if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
      throw new InvalidTransactionException("cardFingerprint must be 64 lower-case hex characters");
    }
  }

  /**
   * Rebuilds a card from its stored or verified mask and fingerprint (no full number available).
   */
  public static CardNumber ofMasked(String masked, String fingerprint) {
    return new CardNumber(masked, fingerprint);
  }

  public static boolean passesLuhn(String digits) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }

  @Override
  public String toString() {
    return masked;
  }
}
