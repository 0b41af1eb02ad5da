package io.fraudops.workers.payment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source of truth for each payment's state. Every change is a conditional update keyed by the
 * transaction id (and, for a decision, by the instance that makes it), so replicas, redelivered
 * jobs and restarted instances can never decide a payment twice.
 */
public interface PaymentLedger {

  /** Writes a payment as RECEIVED unless its transaction id is known. */
  Admission admit(
      String transactionId, String digest, String payloadJson, String source, Instant receivedAt);

  /**
   * Records the instance started for a RECEIVED payment; false when another one was attached
   * meanwhile.
   */
  boolean attach(String transactionId, long processInstanceKey, String engineEpoch);

  /**
   * A process instance's first step claims its payment: created directly through the gateway it is
   * ledgered here; started by the intake or the recovery it finds its row; a duplicate is told so.
   */
  Claim claim(
      String transactionId,
      String digest,
      String payloadJson,
      long processInstanceKey,
      String engineEpoch,
      Instant at);

  /** The payment's current instance opened its review; false for a stale instance. */
  boolean reviewOpened(ReviewOpening opening);

  /**
   * A review whose instance was lost is open again in a new instance, if the payment still waits on
   * the instance the caller saw.
   */
  boolean reopened(Payment seen, long processInstanceKey, String engineEpoch);

  /** Marks a payment the recovery is about to start, if it is still as the caller saw it. */
  boolean lease(Payment seen);

  /** Records a final decision, only from the payment's current instance. */
  Decision decide(Decided decided);

  Optional<Payment> find(String transactionId);

  /**
   * Adds a line to the payment's history without changing its state (a review escalated, completed
   * in Tasklist, a chargeback): what support reads in {@code GET /transactions/{id}}.
   *
   * @return false when the ledger has no such payment
   */
  boolean note(String transactionId, Long processInstanceKey, String detail);

  List<PaymentEvent> history(String transactionId);

  /** Payments not final whose state has not moved since {@code before}, oldest first. */
  List<Payment> open(Instant before, int limit);

  /**
   * Takes a payment back to RECEIVED so it is started again, if it is still in the state the caller
   * saw (same status, same instance): only one replica restarts it.
   */
  boolean release(Payment seen, String why);

  /**
   * Payments not yet in the hands of an instance of the engine of {@code epoch}: RECEIVED ones, and
   * those screening or waiting for review in an instance of another epoch. Zero once the recovery
   * caught up.
   */
  long notInEpoch(String epoch);

  /** Payments accepted and not yet decided nor waiting for an analyst (RECEIVED or SCREENING). */
  long undecided();

  /** Counts of payments per status among those whose id starts with {@code prefix}. */
  Map<PaymentStatus, Long> countByStatus(String prefix);
}
