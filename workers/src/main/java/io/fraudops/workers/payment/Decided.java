package io.fraudops.workers.payment;

import io.fraudops.workers.process.FinalOutcome;

/**
 * A final decision offered to the ledger by a process instance.
 *
 * @param verdictBy the analyst whose verdict this is, or null for the engine's decision; taken only
 *     when the ledger saw this instance open the review
 */
public record Decided(
    String transactionId,
    long processInstanceKey,
    FinalOutcome outcome,
    String verdictBy,
    String rule,
    String reason,
    Double score,
    String modelVersion,
    String topReasonsJson) {}
