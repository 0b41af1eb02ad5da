package io.fraudops.workers.payment;

/** Where a payment stands in the ledger. */
public enum PaymentStatus {
  /** Accepted and written to the ledger; its process instance is not started (yet, or again). */
  RECEIVED,
  /** Its process instance is screening it. */
  SCREENING,
  /** Waiting for an analyst. */
  REVIEW_PENDING,
  /** Approved or declined by the engine's decision. */
  DECIDED,
  /** Approved or declined by an analyst after a review. */
  REVIEWED,
  /** Its payload was invalid. */
  REJECTED;

  public boolean isFinal() {
    return this == DECIDED || this == REVIEWED || this == REJECTED;
  }
}
