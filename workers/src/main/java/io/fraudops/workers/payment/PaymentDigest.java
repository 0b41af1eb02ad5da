package io.fraudops.workers.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fraudops.workers.process.ScreenedPayment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical JSON of a tokenized payment and its SHA-256: two offers of one transaction id are
 * the same payment exactly when their digests match. The payload holds no clear card number (only
 * the masked one and its keyed fingerprint), so neither the JSON nor the digest reveals one.
 */
public final class PaymentDigest {

  private static final ObjectMapper CANONICAL =
      new ObjectMapper()
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .configure(
              com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

  private PaymentDigest() {}

  public static String json(ScreenedPayment payment) {
    try {
      return CANONICAL.writeValueAsString(payment);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the payment as JSON", e);
    }
  }

  /**
   * The canonical JSON of any value (maps and records with their keys sorted), for keys and digests
   * that must not depend on the order a caller sent the fields in.
   */
  public static byte[] canonical(Object value) {
    try {
      return CANONICAL.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write the value as JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static String of(String canonicalJson) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The payment as a mutable map of its non-null fields, as the process variable holds it. */
  static java.util.Map<String, Object> asMap(ScreenedPayment payment) {
    java.util.Map<String, Object> map =
        CANONICAL.convertValue(
            payment,
            new com.fasterxml.jackson.core.type.TypeReference<
                java.util.LinkedHashMap<String, Object>>() {});
    map.values().removeIf(java.util.Objects::isNull);
    return map;
  }

  static ScreenedPayment read(String json) {
    try {
      return CANONICAL.readValue(json, ScreenedPayment.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the ledger holds a payload that is not a payment: " + e.getOriginalMessage(), e);
    }
  }
}
