package io.fraudops.cli.e2e;

import io.fraudops.cli.replay.LatencyRecorder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every started payment not decided yet, by transaction id, with its phase and scheduled arrival.
 * Decisions arrive by id from wherever the pipeline decides (the ledger's event, a no-op worker),
 * so phases may overlap and a late decision still lands in the phase of its arrival.
 */
final class InFlight {

  private record Arrival(Phase phase, long dueNanos) {}

  private final Map<String, Arrival> waiting = new ConcurrentHashMap<>();
  private final LongAdder decidedTotal = new LongAdder();
  private volatile LatencyRecorder window = new LatencyRecorder();

  void register(String transactionId, Phase phase, long dueNanos) {
    waiting.put(transactionId, new Arrival(phase, dueNanos));
  }

  /**
   * The payment is decided (or waits for an analyst, {@code review}); ids of other runs are
   * ignored.
   */
  void decided(String transactionId, boolean review) {
    long now = System.nanoTime();
    Arrival arrival = waiting.remove(transactionId);
    if (arrival != null) {
      long latency = now - arrival.dueNanos();
      arrival.phase().decided(latency, now, review);
      window.record(latency);
      decidedTotal.increment();
    }
  }

  /** The ids still undecided, by the pipeline of their phase. */
  Map<String, String> undecidedByPipeline() {
    Map<String, String> ids = new java.util.HashMap<>();
    waiting.forEach((id, arrival) -> ids.put(id, arrival.phase().pipeline()));
    return ids;
  }

  int size() {
    return waiting.size();
  }

  /** Undecided payments of this phase. */
  long undecided(Phase phase) {
    return waiting.values().stream().filter(a -> a.phase() == phase).count();
  }

  /** Decisions ever made, for throughput between two readings. */
  long decidedTotal() {
    return decidedTotal.sum();
  }

  /** The decision latencies since the last call (the soak's sampling window), and a new window. */
  LatencyRecorder nextWindow() {
    LatencyRecorder previous = window;
    window = new LatencyRecorder();
    return previous;
  }

  /**
   * Forgets a phase's undecided payments once it is reported, so later counts do not carry them.
   */
  void forget(Phase phase) {
    waiting.values().removeIf(a -> a.phase() == phase);
  }
}
