package io.fraudops.feature.offline;

import io.fraudops.feature.transaction.Transaction;

/** The durable record of every screened transaction, from which training sets can be rebuilt. */
public interface TransactionLedger {

  /**
   * Records the transaction once: recording it again (a retried job) does nothing.
   *
   * @throws io.fraudops.feature.FeatureStoreUnavailableException when the ledger cannot be written
   */
  void record(Transaction tx);
}
