package io.fraudops.workers.payment;

import io.fraudops.workers.process.FinalOutcome;
import java.time.Instant;

/**
 * One payment as the ledger holds it.
 *
 * @param payloadJson the tokenized, normalised payload (card masked with its keyed fingerprint)
 * @param processInstanceKey its current instance, null while none is started
 * @param engineEpoch which engine holds that instance; the embedded engine gets a new epoch per
 *     start
 * @param reviewContextJson what a re-opened review needs, set when the review opened
 */
public record Payment(
    String transactionId,
    String payloadDigest,
    String payloadJson,
    PaymentStatus status,
    String source,
    Long processInstanceKey,
    String engineEpoch,
    int attempts,
    FinalOutcome outcome,
    String decidedBy,
    String rule,
    String reason,
    Double score,
    String modelVersion,
    String topReasonsJson,
    String reviewContextJson,
    Instant receivedAt,
    Instant updatedAt) {}
