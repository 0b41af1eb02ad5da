package io.fraudops.workers.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment ledger, the synchronous answer and the recovery of lost payments.
 *
 * @param answerDeadline how long {@code POST /transactions} waits for the decision before answering
 *     202 with a status URL; a caller may ask for less or more with {@code Prefer: wait=<seconds>}
 * @param maxAnswerDeadline the longest wait a caller may ask for
 * @param engineEpoch which engine holds the instances this application starts: a cluster keeps them
 *     (one epoch, {@code cluster}); the local runtime's in-memory engine gets a new epoch at every
 *     start, so the ledger knows that instances of an earlier epoch are gone
 * @param recoveryInterval how often the ledger is searched for payments to start again or reviews
 *     to re-open
 * @param startAfter a RECEIVED payment without an instance for this long is started again (its
 *     start failed or its replica died between the ledger write and the create call)
 * @param screeningTimeout a payment screening for this long in the same engine is checked: if its
 *     instance no longer exists it is started again
 */
@ConfigurationProperties("fraud.ledger")
public record LedgerProperties(
    @DefaultValue("2s") Duration answerDeadline,
    @DefaultValue("30s") Duration maxAnswerDeadline,
    @DefaultValue("cluster") String engineEpoch,
    @DefaultValue("5s") Duration recoveryInterval,
    @DefaultValue("10s") Duration startAfter,
    @DefaultValue("2m") Duration screeningTimeout) {}
