package io.fraudops.workers.payment;

import io.fraudops.workers.process.FinalOutcome;

/** What the ledger said when a process instance claimed a payment at its first step. */
public sealed interface Claim {

  /** This instance screens the payment. */
  record Proceed() implements Claim {}

  /** The transaction id is taken by another payload. */
  record Conflict(String existingDigest, String offeredDigest) implements Claim {}

  /** The payment was already decided: this instance must not decide it again. */
  record AlreadyDecided(FinalOutcome outcome) implements Claim {}

  /** Another live instance screens the payment. */
  record HeldByAnother(long processInstanceKey) implements Claim {}
}
