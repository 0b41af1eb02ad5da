package io.fraudops.workers.features;

import java.time.Instant;

/**
 * Whether payments may be scored against the online store. Only a store known to hold the history
 * is {@link Phase#READY}: after a broken connection Redis may have restarted empty, and features
 * read from an empty store look complete while they are not, so until the monitor has checked its
 * sentinel key (or rebuilt it) payments go to review with the reason instead.
 */
public final class OnlineStoreState {

  /** Where the store stands. */
  public enum Phase {
    /** Not checked since the workers started or since a connection broke. */
    UNVERIFIED,
    /** Came back empty; its state is being replayed from PostgreSQL. */
    REBUILDING,
    /** Holds the history: payments are scored against it. */
    READY
  }

  /** The phase, why, and since when. */
  public record Snapshot(Phase phase, String reason, Instant since) {}

  private volatile Snapshot current =
      new Snapshot(
          Phase.UNVERIFIED, "Redis has not been checked since the workers started", Instant.now());

  public Snapshot current() {
    return current;
  }

  /** Why payments may not use the store now; null when they may. Read on every payment. */
  String unavailableReason() {
    Snapshot snapshot = current;
    return snapshot.phase() == Phase.READY ? null : snapshot.reason();
  }

  void ready() {
    if (current.phase() != Phase.READY) {
      current = new Snapshot(Phase.READY, null, Instant.now());
    }
  }

  void unverified(String why) {
    current = new Snapshot(Phase.UNVERIFIED, why, Instant.now());
  }

  void rebuilding() {
    current =
        new Snapshot(
            Phase.REBUILDING,
            "Redis came back empty; its state is being rebuilt from PostgreSQL",
            Instant.now());
  }
}
