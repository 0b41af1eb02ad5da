package io.fraudops.cli.replay;

import io.fraudops.workers.audit.DecisionRecorded;
import io.fraudops.workers.review.ReviewOpened;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows each accepted payment, by transaction id, until it is decided or waits for an analyst,
 * and measures that latency. Keyed by transaction id rather than instance, because a payment may be
 * screened by a later instance than the first (its start failed and the recovery started it again).
 * Signals can arrive before the submission returns, so both orders are handled.
 */
@Component
@Profile("replay")
class ReplayTracker {

  enum Result {
    APPROVED,
    DECLINED,
    REJECTED,
    WAITING_FOR_REVIEW
  }

  private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
  private final Map<String, Result> early = new ConcurrentHashMap<>();
  private final Set<String> reviewed = ConcurrentHashMap.newKeySet();
  private final Map<Result, Integer> counts = new EnumMap<>(Result.class);
  private final LatencyRecorder latency = new LatencyRecorder();
  private volatile Semaphore permits = new Semaphore(Integer.MAX_VALUE);
  private volatile String runTag = "";

  void follow(String runTag, int inFlight) {
    this.runTag = runTag;
    permits = new Semaphore(inFlight);
  }

  void acquire() throws InterruptedException {
    permits.acquire();
  }

  void failedToStart() {
    permits.release();
  }

  /** Refused at intake: decided on the spot. */
  void rejected(long sentAtNanos) {
    finish(Result.REJECTED, sentAtNanos);
  }

  /** The payment is accepted; {@code sentAtNanos} is when it was submitted. */
  synchronized void started(String transactionId, long sentAtNanos) {
    Result result = early.remove(transactionId);
    if (result != null) {
      finish(result, sentAtNanos);
    } else {
      startedAt.put(transactionId, sentAtNanos);
    }
  }

  @EventListener
  void on(DecisionRecorded event) {
    String id = event.auditKey();
    if (!event.firstTime() || !id.startsWith(runTag)) {
      return;
    }
    // A decision after review: the payment was already counted as waiting; move it.
    if (reviewed.remove(id)) {
      synchronized (counts) {
        counts.merge(Result.WAITING_FOR_REVIEW, -1, Integer::sum);
        counts.merge(Result.valueOf(event.outcome().name()), 1, Integer::sum);
      }
      return;
    }
    signal(id, Result.valueOf(event.outcome().name()));
  }

  @EventListener
  void on(ReviewOpened event) {
    String id = event.transactionId();
    if (id == null || !id.startsWith(runTag) || !reviewed.add(id)) {
      return; // another run's, or the same review re-opened
    }
    signal(id, Result.WAITING_FOR_REVIEW);
  }

  private synchronized void signal(String id, Result result) {
    Long sent = startedAt.remove(id);
    if (sent != null) {
      finish(result, sent);
    } else {
      early.put(id, result);
    }
  }

  private void finish(Result result, long sentAtNanos) {
    latency.record(System.nanoTime() - sentAtNanos);
    synchronized (counts) {
      counts.merge(result, 1, Integer::sum);
    }
    permits.release();
  }

  Map<Result, Integer> counts() {
    synchronized (counts) {
      Map<Result, Integer> copy = new EnumMap<>(Result.class);
      for (Result r : Result.values()) {
        copy.put(r, counts.getOrDefault(r, 0));
      }
      return copy;
    }
  }

  int accounted() {
    return counts().values().stream().mapToInt(Integer::intValue).sum();
  }

  Set<String> undecided() {
    return Set.copyOf(startedAt.keySet());
  }

  LatencyRecorder latency() {
    return latency;
  }
}
