package io.fraudops.feature.online;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.Transaction;
import java.time.Duration;

/** The hot-path store of recent behaviour: customers', merchants', devices', and fraud labels. */
public interface OnlineFeatureStore {

  /**
   * How far back {@link CustomerHistory#recent()} reaches: the longest raw-event feature window.
   */
  Duration HISTORY_WINDOW = Duration.ofDays(7);

  /** The merchant and device windows; the merchant also counts its last hour. */
  Duration ENTITY_WINDOW = Duration.ofHours(24);

  Duration MERCHANT_SHORT_WINDOW = Duration.ofHours(1);

  /** Labels older than this (by when they became known) no longer count in fraud rates. */
  Duration LABEL_WINDOW = Duration.ofDays(90);

  /** Complete UTC days of per-customer totals before a transaction's own day. */
  int PAST_DAYS = 30;

  /**
   * Atomically (per customer, merchant and device) reads the history as it was before {@code tx}
   * and records {@code tx}.
   *
   * <p>Idempotent per transaction: recording the same transaction again changes nothing, and
   * returns the same history as the first call unless other transactions or labels arrived in
   * between. This is what lets a retried job worker call it safely.
   *
   * @throws io.fraudops.feature.FeatureStoreUnavailableException when the store cannot be reached
   */
  CustomerHistory recordAndRead(Transaction tx);

  /**
   * Records a label so that transactions after {@code label.knownAt()} see it in their merchant's
   * and category's fraud rate. Idempotent per (transaction id, source): the first such label
   * counts, later ones with the same pair change nothing.
   *
   * @throws io.fraudops.feature.FeatureStoreUnavailableException when the store cannot be reached
   */
  void recordLabel(LabelEvent label);
}
