package io.fraudops.workers.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.workers.Payments;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectionKeyTest {

  private static final CardTokenizer KEYS = Payments.CARDS;

  @Test
  void aRedeliveryOfTheSameRejectionGetsTheSameKey() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("amount", -5);
    payload.put("currency", "EURO");
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put("currency", "EURO");
    reordered.put("amount", -5);
    assertThat(RejectionKey.of(42, payload, KEYS))
        .isEqualTo(RejectionKey.of(42, reordered, KEYS))
        .startsWith("rejected-42-");
  }

  @Test
  void aReusedInstanceKeyWithAnotherPayloadDoesNotCollide() {
    assertThat(RejectionKey.of(42, Map.of("amount", -5), KEYS))
        .isNotEqualTo(RejectionKey.of(42, Map.of("amount", -6), KEYS));
    assertThat(RejectionKey.of(42, Map.of("amount", -5), KEYS))
        .isNotEqualTo(RejectionKey.of(43, Map.of("amount", -5), KEYS));
  }

  /**
   * The digest is keyed: with a plain SHA-256, whoever reads the audit and can guess the rest of a
   * rejected payload could test the card numbers behind its mask against the key.
   */
  @Test
  void theDigestCannotBeRecomputedWithoutTheCardKey() throws Exception {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("amount", -5);
    payload.put("cardNumber", "4111111111111111");
    String key = RejectionKey.of(42, payload, KEYS);

    byte[] json = new ObjectMapper().writeValueAsBytes(payload);
    String plain =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 8);
    CardTokenizer otherKey =
        CardTokenizer.fromBase64Key("YW5vdGhlciBrZXkgb2YgYXQgbGVhc3QgMzIgYnl0ZXMhIQ==");
    assertThat(key)
        .isNotEqualTo("rejected-42-" + plain)
        .isNotEqualTo(RejectionKey.of(42, payload, otherKey))
        .doesNotContain("4111111111111111");
  }

  @Test
  void aMissingPayloadStillGetsAKey() {
    assertThat(RejectionKey.of(7, null, KEYS)).startsWith("rejected-7-");
  }
}
