package io.fraudops.workers.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Where final decisions are kept, exactly once per transaction. */
public interface DecisionAudit {

  /**
   * Writes the decision unless one with the same audit key exists.
   *
   * @return true if this call wrote it, false if it was already there (a redelivered job)
   */
  boolean record(DecisionRecord decision);

  Optional<DecisionRecord> find(String auditKey);

  /** The latest decision recorded for a process instance. */
  Optional<DecisionRecord> findByProcessInstance(long processInstanceKey);

  /**
   * Number of decisions per outcome of the payments whose transaction id starts with {@code
   * prefix}, plus the rejections of payloads without a usable id decided at or after {@code since}.
   */
  Map<String, Long> countByOutcome(String prefix, Instant since);

  /** Number of decisions per model version, same selection as {@link #countByOutcome}. */
  Map<String, Long> countByModelVersion(String prefix, Instant since);
}
