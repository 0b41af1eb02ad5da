package io.fraudops.workers.payment;

/** What the ledger said when a payment was offered to it. */
public sealed interface Admission {

  /** New: written as RECEIVED, its instance must now be started. */
  record Admitted(Payment payment) implements Admission {}

  /** The same transaction id with the same payload was already accepted: answer from its state. */
  record Existing(Payment payment) implements Admission {}

  /** The same transaction id with another payload: refused, nothing is touched. */
  record Conflict(Payment existing, String offeredDigest) implements Admission {}
}
