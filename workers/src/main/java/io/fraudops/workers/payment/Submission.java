package io.fraudops.workers.payment;

import java.util.List;

/** What became of a payment offered to the intake. */
public sealed interface Submission {

  /** Accepted (now or earlier, with the same payload): follow it in the ledger. */
  record Accepted(Payment payment, boolean isNew) implements Submission {}

  /** Not a valid payment: every problem, nothing stored but the rejection's audit row. */
  record Rejected(List<String> problems) implements Submission {}

  /** The transaction id was accepted earlier with another payload: refused, nothing touched. */
  record Conflict(String transactionId, String existingDigest, String offeredDigest)
      implements Submission {}
}
