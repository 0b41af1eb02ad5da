package io.fraudops.cli.e2e;

import io.fraudops.workers.process.Verdict;
import io.fraudops.workers.review.PendingReview;
import io.fraudops.workers.review.ReviewInbox;
import io.fraudops.workers.review.ReviewOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The review team during a soak: approves each pending review once it has waited {@code after}, so
 * that open reviews come and go as in production instead of piling up in the engine for the whole
 * run (at 50/s about 2 % of payments wait for an analyst: 1,800 in 30 minutes).
 */
final class SoakAnalyst implements AutoCloseable {

  static final String NAME = "soak-analyst";

  private final ReviewInbox inbox;
  private final Duration after;
  private final Clock clock;
  private final AtomicLong decided = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name(NAME).daemon().unstarted(r));

  SoakAnalyst(ReviewInbox inbox, Duration after, Clock clock) {
    this.inbox = inbox;
    this.after = after;
    this.clock = clock;
    timer.scheduleWithFixedDelay(this::decideDue, 1, 1, TimeUnit.SECONDS);
  }

  private void decideDue() {
    Instant due = clock.instant().minus(after);
    for (PendingReview review : inbox.pending()) {
      if (review.waitingSince() != null && review.waitingSince().isBefore(due)) {
        try {
          inbox.complete(
              review.key(),
              new ReviewOutcome(Verdict.APPROVE, "soak: approved after " + after, NAME));
          decided.incrementAndGet();
        } catch (RuntimeException e) {
          // Decided meanwhile, or the engine busy: counted, and the next round tries again.
          failed.incrementAndGet();
        }
      }
    }
  }

  long decided() {
    return decided.get();
  }

  /** Attempts that failed (each retried a second later while the review is still pending). */
  long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
