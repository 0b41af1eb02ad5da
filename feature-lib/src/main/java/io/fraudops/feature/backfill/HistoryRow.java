package io.fraudops.feature.backfill;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.Transaction;
import java.util.Objects;

/**
 * One accepted line of the file: a payment, its label when the line has one, and the customer's
 * home when the file declares it.
 */
record HistoryRow(
    Transaction transaction, LabelEvent label, Double homeLatitude, Double homeLongitude) {

  HistoryRow {
    Objects.requireNonNull(transaction, "transaction");
    if (label != null && !label.transactionId().equals(transaction.transactionId())) {
      throw new IllegalArgumentException("a row's label must be on its own payment");
    }
    if ((homeLatitude == null) != (homeLongitude == null)) {
      throw new IllegalArgumentException("a home has both coordinates or none");
    }
  }

  boolean declaresHome() {
    return homeLatitude != null;
  }
}
