package io.fraudops.cli.e2e;

import java.util.Map;

/**
 * A phase once drained: what {@link E2eReport} prints about it.
 *
 * @param undecided started but neither decided nor waiting for review when the drain ended
 * @param records engine records written during the phase
 * @param cpuNanos CPU spent during the phase, by {@link CpuMeter} group
 * @param gcMillis time the garbage collectors reported for the phase (pauses and concurrent cycles)
 * @param jitMillis time the JIT compilers reported for the phase
 */
record PhaseResult(
    Phase phase,
    long undecided,
    long records,
    Map<String, JobTraffic.Totals> jobs,
    Map<String, Long> cpuNanos,
    double wallSeconds,
    long gcMillis,
    long jitMillis,
    String load) {

  String pipeline() {
    return phase.pipeline();
  }

  int rate() {
    return phase.rate();
  }

  long decided() {
    return phase.decidedCount();
  }

  double decidedPerSecond() {
    return phase.decidedPerSecond();
  }

  double decisionMs(double percentile) {
    return phase.decisionLatency().percentileMillis(percentile);
  }

  double answerMs(double percentile) {
    return phase.answerLatency().percentileMillis(percentile);
  }

  double perDecision(double total) {
    return decided() == 0 ? Double.NaN : total / decided();
  }

  /**
   * Whether this rate is sustained: p99 under the bound, every payment decided, 95 % of the rate
   * reached.
   */
  boolean sustained(double p99BoundMs) {
    return decided() > 0
        && undecided == 0
        && phase.droppedCount() == 0
        && decisionMs(99) <= p99BoundMs
        && decidedPerSecond() >= 0.95 * rate();
  }
}
