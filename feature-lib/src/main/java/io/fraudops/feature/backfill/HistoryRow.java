package io.fraudops.feature.backfill;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.Transaction;
import java.util.Objects;

/** One accepted line of the file: a payment, and its label when the line has one. */
record HistoryRow(Transaction transaction, LabelEvent label) {

  HistoryRow {
    Objects.requireNonNull(transaction, "transaction");
    if (label != null && !label.transactionId().equals(transaction.transactionId())) {
      throw new IllegalArgumentException("a row's label must be on its own payment");
    }
  }
}
