package io.fraudops.workers.screening;

import java.time.Instant;

/**
 * The audit's latency, from receipt to decision. Validate refuses a receipt time in the future
 * beyond the clock skew, but one a few seconds ahead (another machine's clock) passes: its latency
 * is unknown, never negative, so the audit stores none rather than a wrong one.
 */
final class ReceiptLatency {

  private ReceiptLatency() {}

  /**
   * @return milliseconds from receipt to {@code decidedAt}; null when the receipt time is absent or
   *     unusable
   */
  static Long millis(Object receivedAt, Instant decidedAt) {
    if (!(receivedAt instanceof Long || receivedAt instanceof Integer)) {
      return null;
    }
    long latency = decidedAt.toEpochMilli() - ((Number) receivedAt).longValue();
    return latency >= 0 ? latency : null;
  }
}
