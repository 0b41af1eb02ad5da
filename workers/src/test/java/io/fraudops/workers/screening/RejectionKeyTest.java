package io.fraudops.workers.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectionKeyTest {

  @Test
  void aRedeliveryOfTheSameRejectionGetsTheSameKey() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("amount", -5);
    payload.put("currency", "EURO");
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put("currency", "EURO");
    reordered.put("amount", -5);
    assertThat(RejectionKey.of(42, payload)).isEqualTo(RejectionKey.of(42, reordered)).startsWith("rejected-42-");
  }

  @Test
  void aReusedInstanceKeyWithAnotherPayloadDoesNotCollide() {
    assertThat(RejectionKey.of(42, Map.of("amount", -5))).isNotEqualTo(RejectionKey.of(42, Map.of("amount", -6)));
    assertThat(RejectionKey.of(42, Map.of("amount", -5))).isNotEqualTo(RejectionKey.of(43, Map.of("amount", -5)));
  }

  @Test
  void aMissingPayloadStillGetsAKey() {
    assertThat(RejectionKey.of(7, null)).startsWith("rejected-7-");
  }
}
