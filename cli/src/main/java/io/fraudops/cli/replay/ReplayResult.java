package io.fraudops.cli.replay;

import io.fraudops.cli.replay.ReplayTracker.Result;
import io.fraudops.workers.payment.PaymentStatus;
import java.util.List;
import java.util.Map;

/** What one replay did, for the summary. */
record ReplayResult(
    String runTag,
    int sent,
    int started,
    int failedToStart,
    Map<Result, Integer> counts,
    List<String> undecidedPayments,
    LatencyRecorder latency,
    long elapsedNanos,
    Map<String, Long> auditCounts,
    Map<String, Long> modelVersions,
    Map<PaymentStatus, Long> ledger) {

  int accounted() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  int unaccounted() {
    return started - accounted();
  }

  double decisionsPerSecond() {
    return accounted() / (elapsedNanos / 1e9);
  }

  /** Payments of this run the ledger holds neither decided nor waiting for review. */
  long ledgerOpen() {
    return ledger.getOrDefault(PaymentStatus.RECEIVED, 0L)
        + ledger.getOrDefault(PaymentStatus.SCREENING, 0L);
  }

  /** The audit table holds exactly the automated and reviewed decisions the tracker saw. */
  boolean auditMatches() {
    return auditCounts.getOrDefault("APPROVED", 0L) == counts.get(Result.APPROVED).longValue()
        && auditCounts.getOrDefault("DECLINED", 0L) == counts.get(Result.DECLINED).longValue()
        && auditCounts.getOrDefault("REJECTED", 0L) == counts.get(Result.REJECTED).longValue();
  }
}
