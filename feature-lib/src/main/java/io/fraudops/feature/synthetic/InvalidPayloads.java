package io.fraudops.feature.synthetic;

import io.fraudops.feature.transaction.PayloadKeys;
import java.util.Map;
import java.util.Random;

/** Breaks a good payload the ways real senders do, so every kind of rejection gets exercised. */
final class InvalidPayloads {

  private enum Defect {
    NEGATIVE_AMOUNT,
    TOO_MANY_DECIMALS,
    BAD_CURRENCY,
    MISSING_MERCHANT,
    BAD_LUHN,
    UNKNOWN_CHANNEL,
    HALF_A_LOCATION,
    BAD_TIMESTAMP,
    BLANK_CUSTOMER,
    BAD_COUNTRY
  }

  private static final String[] BAD_CURRENCIES = {"US", "usd", "EURO", "12$"};

  private InvalidPayloads() {}

  /** Applies one defect, sometimes two, to the payload in place. */
  static void corrupt(Map<String, Object> payload, Random random) {
    Defect[] defects = Defect.values();
    apply(defects[random.nextInt(defects.length)], payload, random);
    if (random.nextDouble() < 0.25) {
      apply(defects[random.nextInt(defects.length)], payload, random);
    }
  }

  private static void apply(Defect defect, Map<String, Object> payload, Random random) {
    switch (defect) {
      case NEGATIVE_AMOUNT -> payload.put(PayloadKeys.AMOUNT, -(1 + random.nextInt(500)));
      case TOO_MANY_DECIMALS -> payload.put(PayloadKeys.AMOUNT, "12.345");
      case BAD_CURRENCY ->
          payload.put(PayloadKeys.CURRENCY, BAD_CURRENCIES[random.nextInt(BAD_CURRENCIES.length)]);
      case MISSING_MERCHANT -> payload.remove(PayloadKeys.MERCHANT_ID);
      case BAD_LUHN ->
          payload.put(
              PayloadKeys.CARD_NUMBER, breakLuhn((String) payload.get(PayloadKeys.CARD_NUMBER)));
      case UNKNOWN_CHANNEL -> payload.put(PayloadKeys.CHANNEL, "WEB");
      case HALF_A_LOCATION -> {
        if (payload.remove(PayloadKeys.LONGITUDE) == null) {
          payload.put(PayloadKeys.LATITUDE, 48.85);
        }
      }
      case BAD_TIMESTAMP -> payload.put(PayloadKeys.TIMESTAMP, "yesterday");
      case BLANK_CUSTOMER -> payload.put(PayloadKeys.CUSTOMER_ID, " ");
      case BAD_COUNTRY -> payload.put(PayloadKeys.COUNTRY, "USA");
    }
  }

  // Changing one digit always breaks the Luhn sum.
  private static String breakLuhn(String card) {
    char last = card.charAt(card.length() - 1);
    char other = (char) ('0' + (last - '0' + 1) % 10);
    return card.substring(0, card.length() - 1) + other;
  }
}
