package io.fraudops.cli.replay;

import io.fraudops.workers.Eventually;
import io.fraudops.workers.review.ReviewInbox;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Payments that ended: an audited decision or a review task held by the inbox. */
final class Accounted {

  private Accounted() {}

  /**
   * A replay ends when each review's start listener has run; the inbox holds the review task a
   * moment later, when the engine hands out its job. So this waits (up to 30 s) for the count to
   * reach {@code expected}, then returns it: a payment lost or counted twice still shows.
   */
  static long decidedOrInReview(JdbcTemplate jdbc, ReviewInbox inbox, long expected) {
    long[] last = {0};
    try {
      return Eventually.get(
          "payments decided or in the review inbox",
          Duration.ofSeconds(30),
          () -> {
            long decided = jdbc.queryForObject("SELECT count(*) FROM decision_audit", Long.class);
            last[0] = decided + inbox.size();
            return last[0] >= expected ? Optional.of(last[0]) : Optional.empty();
          });
    } catch (AssertionError timedOut) {
      return last[0];
    }
  }
}
