package io.fraudops.workers;

import io.fraudops.feature.transaction.CardTokenizer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Payment payloads as the intake hands them to the process: what a payment system sends, the card
 * tokenized with the tests' key ({@code fraud.card.fingerprint-key} in application-test.yaml), so a
 * test that starts an instance through the gateway puts no card number into the engine.
 */
public final class Payments {

  /** The tests' card key; the same as in application-test.yaml. */
  public static final String CARD_KEY = "ZnJhdWQtc2NyZWVuaW5nIHRlc3QgY2FyZCBrZXkgMDE=";

  public static final CardTokenizer CARDS = CardTokenizer.fromBase64Key(CARD_KEY);

  private Payments() {}

  public static Map<String, Object> payment(String customerId, double amount) {
    return payment(customerId, amount, Instant.now().minusSeconds(5));
  }

  public static Map<String, Object> payment(String customerId, double amount, Instant at) {
    return CARDS.tokenize(sent(customerId, amount, at, "4111111111111111"));
  }

  /**
   * What a payment system sends, the card number in clear: for the intake, never for the gateway.
   */
  public static Map<String, Object> sent(
      String customerId, double amount, Instant at, String cardNumber) {
    Map<String, Object> p = new HashMap<>();
    p.put("transactionId", "T-" + UUID.randomUUID());
    p.put("customerId", customerId);
    p.put("cardNumber", cardNumber);
    p.put("amount", amount);
    p.put("currency", "EUR");
    p.put("merchantId", "M-" + customerId.hashCode() % 7);
    p.put("merchantCategory", "grocery");
    p.put("country", "DE");
    p.put("latitude", 52.52);
    p.put("longitude", 13.40);
    p.put("channel", "POS");
    p.put("timestamp", at.toString());
    return p;
  }

  public static String newCustomer() {
    return "C-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
