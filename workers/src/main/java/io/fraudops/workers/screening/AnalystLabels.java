package io.fraudops.workers.screening;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.LabelStore;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.transaction.Transaction;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * An analyst's verdict is a fraud label known from now on: kept in the offline store (training
 * sets) and fed to the online store (merchant and category fraud rates of later payments). Both
 * writes are keyed by transaction and source, so a redelivered job adds nothing.
 */
@Component
class AnalystLabels {

  private final LabelStore offline;
  private final OnlineFeatureStore online;

  AnalystLabels(LabelStore offline, OnlineFeatureStore online) {
    this.offline = offline;
    this.online = online;
  }

  /** In the offline store, inside the caller's database transaction. */
  void recordOffline(Transaction tx, boolean fraud, Instant knownAt) {
    offline.record(label(tx, fraud, knownAt));
  }

  /** In the online store, after the decision is committed. */
  void recordOnline(Transaction tx, boolean fraud, Instant knownAt) {
    online.recordLabel(label(tx, fraud, knownAt));
  }

  private static LabelEvent label(Transaction tx, boolean fraud, Instant knownAt) {
    return new LabelEvent(
        tx.transactionId(),
        tx.customerId(),
        tx.merchantId(),
        tx.merchantCategory(),
        fraud,
        "analyst",
        knownAt);
  }
}
