package io.fraudops.workers.features;

import io.fraudops.feature.transaction.Transaction;
import java.util.List;

/**
 * Payments accepted but not decided yet (waiting for an analyst, or still being screened). The
 * online store counts a payment when it is screened, the offline history only when it is decided,
 * so a rebuild from the offline history alone would forget them: a customer with a payment in
 * review would look quieter than it is until the review ends. The payment ledger knows them.
 */
public interface UndecidedPayments {

  /** Those payments not in the offline history yet, oldest first by payment time. */
  List<Transaction> notInHistory();
}
