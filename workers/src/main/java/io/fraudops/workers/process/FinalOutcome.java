package io.fraudops.workers.process;

/** How a screening ended, as recorded in the audit and answered to the payment system. */
public enum FinalOutcome {
  APPROVED,
  DECLINED,
  /** The payload was invalid; the reason is in {@code validationMessage}. */
  REJECTED
}
