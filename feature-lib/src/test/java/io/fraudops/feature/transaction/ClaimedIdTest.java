package io.fraudops.feature.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimedIdTest {

  @Test
  void keepsAValidIdAndNothingThatCouldHurtTheAuditOrHoldACard() {
    assertThat(ClaimedId.of(Map.of("transactionId", "T-1"))).isEqualTo("T-1");
    assertThat(ClaimedId.of(Map.of("transactionId", "20250301120000123456789")))
        .as("longer than a card")
        .isNull();
    assertThat(ClaimedId.of(Map.of("transactionId", "T-4111 1111 1111 1111"))).isNull();
    assertThat(ClaimedId.of(Map.of("transactionId", "4111111111111112")))
        .as("no Luhn: not a card")
        .isEqualTo("4111111111111112");
    assertThat(ClaimedId.of(Map.of("transactionId", "T-1\u0000"))).isNull();
    assertThat(ClaimedId.of(Map.of("transactionId", "x".repeat(65)))).isNull();
    assertThat(ClaimedId.of(Map.of("transactionId", 42))).isNull();
    assertThat(ClaimedId.of(Map.of("amount", 1))).isNull();
    assertThat(ClaimedId.of("not a map")).isNull();
    assertThat(ClaimedId.of(null)).isNull();
  }
}
