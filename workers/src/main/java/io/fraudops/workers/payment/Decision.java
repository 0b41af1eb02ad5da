package io.fraudops.workers.payment;

/**
 * What the ledger did with a final decision.
 *
 * @param applied true when this call (or an earlier call of the same instance) decided the payment;
 *     false when the instance is not the payment's current one, which must then change nothing
 * @param decidedBy {@code engine} or the analyst, as the ledger recorded it
 * @param status the payment's status now
 */
public record Decision(boolean applied, String decidedBy, PaymentStatus status) {

  static Decision stale(PaymentStatus status) {
    return new Decision(false, null, status);
  }
}
