package io.fraudops.workers.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceiptLatencyTest {

  private static final Instant DECIDED = Instant.parse("2025-03-01T12:00:00Z");

  @Test
  void isTheTimeFromReceiptToDecisionAndNeverNegative() {
    long decided = DECIDED.toEpochMilli();

    assertThat(ReceiptLatency.millis(decided - 250, DECIDED)).isEqualTo(250L);
    assertThat(ReceiptLatency.millis(decided, DECIDED)).isZero();
    // A receiving clock a few seconds ahead passes Validate; its latency is unknown, not negative.
    assertThat(ReceiptLatency.millis(decided + 3_000, DECIDED)).isNull();
    assertThat(ReceiptLatency.millis(decided + 98_203_912_037_199L, DECIDED)).isNull();
    assertThat(ReceiptLatency.millis("yesterday", DECIDED)).isNull();
    assertThat(ReceiptLatency.millis(null, DECIDED)).isNull();
  }

  @Test
  void theAuditRecordRefusesANegativeLatency() {
    assertThatThrownBy(
            () ->
                new DecisionRecord(
                    "k",
                    "T-1",
                    1,
                    FinalOutcome.APPROVED,
                    null,
                    "engine",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    -98_203_912_037_199L,
                    DECIDED,
                    null,
                    null))
        .hasMessage("latencyMs must not be negative (got -98203912037199)");
  }
}
