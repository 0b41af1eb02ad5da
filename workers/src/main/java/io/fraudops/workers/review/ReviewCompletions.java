package io.fraudops.workers.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Who completed each Tasklist review ({@code review_completion}), written by the completing
 * listener before the engine lets the completion through, read by the record step.
 */
@Repository
public class ReviewCompletions {

  private final JdbcTemplate jdbc;

  ReviewCompletions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Keeps the latest completer of the instance's review: a completion denied or retried is followed
   * by another one, and the last attempt is the one that completes.
   */
  void record(
      long processInstanceKey, String transactionId, Long userTaskKey, String user, Instant at) {
    jdbc.update(
        "INSERT INTO review_completion (process_instance_key, transaction_id, user_task_key, completed_by, completed_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (process_instance_key) DO UPDATE SET"
            + " user_task_key = EXCLUDED.user_task_key, completed_by = EXCLUDED.completed_by,"
            + " completed_at = EXCLUDED.completed_at",
        processInstanceKey,
        transactionId,
        userTaskKey,
        user,
        Timestamp.from(at));
  }

  /**
   * The Tasklist user who completed the instance's review; empty when it was not completed in
   * Tasklist.
   */
  public Optional<String> completedBy(long processInstanceKey) {
    return jdbc
        .query(
            "SELECT completed_by FROM review_completion WHERE process_instance_key = ?",
            (rs, i) -> rs.getString(1),
            processInstanceKey)
        .stream()
        .findFirst();
  }
}
