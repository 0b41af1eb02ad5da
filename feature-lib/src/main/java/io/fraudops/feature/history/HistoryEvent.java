package io.fraudops.feature.history;

import io.fraudops.feature.transaction.Transaction;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened, at the instant it became known: a payment, or a label on an earlier
 * payment (an analyst's verdict, a chargeback). Replaying these in {@link #at()} order rebuilds the
 * state the online store had at any instant, which is what point-in-time exports rely on.
 */
public sealed interface HistoryEvent permits HistoryEvent.Payment, LabelEvent {

  /** When the event became known to the system. */
  Instant at();

  /** A payment, known at its own timestamp. */
  record Payment(Transaction transaction) implements HistoryEvent {

    public Payment {
      Objects.requireNonNull(transaction, "transaction");
    }

    @Override
    public Instant at() {
      return transaction.timestamp();
    }
  }
}
