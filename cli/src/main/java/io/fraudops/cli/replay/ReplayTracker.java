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
 * Follows each started instance until it reaches a decision or waits for an analyst, and measures
 * that latency. Signals can arrive before the create command's response does, so both orders are
 * handled.
 */
@Component
@Profile("replay")
class ReplayTracker {

  enum Result { APPROVED, DECLINED, REJECTED, WAITING_FOR_REVIEW }

  private final Map<Long, Long> startedAt = new ConcurrentHashMap<>();
  private final Map<Long, Result> early = new ConcurrentHashMap<>();
  private final Set<Long> reviewed = ConcurrentHashMap.newKeySet();
  private final Map<Result, Integer> counts = new EnumMap<>(Result.class);
  private final LatencyRecorder latency = new LatencyRecorder();
  private volatile Semaphore permits = new Semaphore(Integer.MAX_VALUE);

  void limitInFlight(int inFlight) {
    permits = new Semaphore(inFlight);
  }

  void acquire() throws InterruptedException {
    permits.acquire();
  }

  void failedToStart() {
    permits.release();
  }

  /** The instance exists; {@code sentAtNanos} is when its create command was sent. */
  synchronized void started(long processInstanceKey, long sentAtNanos) {
    Result result = early.remove(processInstanceKey);
    if (result != null) {
      finish(result, sentAtNanos);
    } else {
      startedAt.put(processInstanceKey, sentAtNanos);
    }
  }

  @EventListener
  void on(DecisionRecorded event) {
    // A decision after review: the instance was already counted as waiting; move it.
    if (reviewed.remove(event.processInstanceKey())) {
      synchronized (counts) {
        counts.merge(Result.WAITING_FOR_REVIEW, -1, Integer::sum);
        counts.merge(Result.valueOf(event.outcome().name()), 1, Integer::sum);
      }
      return;
    }
    signal(event.processInstanceKey(), Result.valueOf(event.outcome().name()));
  }

  @EventListener
  void on(ReviewOpened event) {
    reviewed.add(event.processInstanceKey());
    signal(event.processInstanceKey(), Result.WAITING_FOR_REVIEW);
  }

  private synchronized void signal(long key, Result result) {
    Long sent = startedAt.remove(key);
    if (sent != null) {
      finish(result, sent);
    } else {
      early.put(key, result);
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

  Set<Long> undecided() {
    return Set.copyOf(startedAt.keySet());
  }

  LatencyRecorder latency() {
    return latency;
  }
}
