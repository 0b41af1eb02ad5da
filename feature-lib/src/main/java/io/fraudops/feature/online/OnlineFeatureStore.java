package io.fraudops.feature.online;

import io.fraudops.feature.transaction.Transaction;

import java.time.Duration;

/** The hot-path store of customers' recent behaviour. */
public interface OnlineFeatureStore {

    /** How far back {@link CustomerHistory#recent()} reaches: the longest feature window. */
    Duration HISTORY_WINDOW = Duration.ofHours(24);

    /**
     * Atomically reads the customer's history as it was before {@code tx} and records {@code tx}.
     *
     * <p>Idempotent per transaction: recording the same transaction again changes nothing, and returns
     * the same history as the first call unless an earlier-dated transaction of the same customer
     * arrived in between. This is what lets a retried job worker call it safely.
     *
     * @throws io.fraudops.feature.FeatureStoreUnavailableException when the store cannot be reached
     */
    CustomerHistory recordAndRead(Transaction tx);
}
