package io.fraudops.workers.audit;

import java.util.Collection;
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

  /** Number of decisions per outcome among the given process instances. */
  Map<String, Long> countByOutcome(Collection<Long> processInstanceKeys);
}
