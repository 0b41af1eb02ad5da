package io.fraudops.workers.payment;

/**
 * A review opened by a payment's instance, with what the ledger keeps to answer and to re-open it.
 */
public record ReviewOpening(
    String transactionId,
    long processInstanceKey,
    String rule,
    String reason,
    Double score,
    String modelVersion,
    String topReasonsJson,
    String reviewContextJson) {}
