package io.fraudops.workers;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Payment payloads as a payment system would send them. */
public final class Payments {

  private Payments() {}

  public static Map<String, Object> payment(String customerId, double amount) {
    return payment(customerId, amount, Instant.now().minusSeconds(5));
  }

  public static Map<String, Object> payment(String customerId, double amount, Instant at) {
    Map<String, Object> p = new HashMap<>();
    p.put("transactionId", "T-" + UUID.randomUUID());
    p.put("customerId", customerId);
    p.put("cardNumber", "4111111111111111");
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
