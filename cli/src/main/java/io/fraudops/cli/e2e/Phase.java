package io.fraudops.cli.e2e;

import io.fraudops.cli.replay.LatencyRecorder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One stretch of arrivals at one rate through one pipeline, and what became of each: decided (and
 * how long after its scheduled arrival), answered, late or dropped at the start. Latencies count
 * from the arrival's scheduled time, not from when it was sent, so a start that ran late is not
 * hidden. Thread-safe: arrivals, answers and decisions come from different threads.
 */
final class Phase {

  private final String pipeline;
  private final int rate;
  private final long startNanos;
  private final LongAdder offered = new LongAdder();
  private final LongAdder started = new LongAdder();
  private final LongAdder late = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder decided = new LongAdder();
  private final LongAdder reviews = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private final LongAdder answerPastDeadline = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final AtomicLong maxLagNanos = new AtomicLong();
  private final AtomicLong lastDecisionNanos = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private final LatencyRecorder decision = new LatencyRecorder();
  private final LatencyRecorder answer = new LatencyRecorder();

  Phase(String pipeline, int rate, long startNanos) {
    this.pipeline = pipeline;
    this.rate = rate;
    this.startNanos = startNanos;
  }

  String pipeline() {
    return pipeline;
  }

  int rate() {
    return rate;
  }

  long startNanos() {
    return startNanos;
  }

  /** An arrival came due; {@code lagNanos} is how long after its scheduled time it was handled. */
  void offered(long lagNanos, boolean isLate) {
    offered.increment();
    if (isLate) {
      late.increment();
    }
    maxLagNanos.accumulateAndGet(lagNanos, Math::max);
  }

  void dropped() {
    dropped.increment();
  }

  void started() {
    started.increment();
  }

  void decided(long latencyNanos, long atNanos, boolean review) {
    decision.record(latencyNanos);
    decided.increment();
    if (review) {
      reviews.increment();
    }
    lastDecisionNanos.accumulateAndGet(atNanos, Math::max);
  }

  /** The synchronous answer came, final (a decision, or the review it waits for). */
  void answered(long latencyNanos) {
    answer.record(latencyNanos);
    answered.increment();
  }

  /** The answer came at its deadline without a decision (202, still screening). */
  void answeredPastDeadline() {
    answerPastDeadline.increment();
  }

  /**
   * The call failed (an error status, a refused or broken connection): the payment may still be
   * decided.
   */
  void failed(String why) {
    failed.increment();
    firstFailure.compareAndSet(null, why);
  }

  long offeredCount() {
    return offered.sum();
  }

  long startedCount() {
    return started.sum();
  }

  long lateCount() {
    return late.sum();
  }

  long droppedCount() {
    return dropped.sum();
  }

  long decidedCount() {
    return decided.sum();
  }

  long reviewCount() {
    return reviews.sum();
  }

  long answeredCount() {
    return answered.sum();
  }

  long pastDeadlineCount() {
    return answerPastDeadline.sum();
  }

  long failedCount() {
    return failed.sum();
  }

  String firstFailure() {
    return firstFailure.get();
  }

  double maxLagMillis() {
    return maxLagNanos.get() / 1e6;
  }

  LatencyRecorder decisionLatency() {
    return decision;
  }

  LatencyRecorder answerLatency() {
    return answer;
  }

  /** Decisions per second from the first scheduled arrival to the last decision. */
  double decidedPerSecond() {
    long last = lastDecisionNanos.get();
    long n = decided.sum();
    return n == 0 || last <= startNanos ? 0 : n / ((last - startNanos) / 1e9);
  }
}
