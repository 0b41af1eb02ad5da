package io.fraudops.feature.online;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.catalogue.FeatureComputer;
import io.fraudops.feature.catalogue.FeatureVector;
import io.fraudops.feature.transaction.Transaction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;

/** The semantics every OnlineFeatureStore must have; Redis and in-memory both run these. */
abstract class OnlineFeatureStoreContract {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final OnlineStoreSettings SETTINGS =
            new OnlineStoreSettings("test:", Duration.ofDays(7).plusHours(1), Duration.ofDays(30));

    private final FeatureComputer computer = new FeatureComputer(FeatureCatalogue.v1());

    /** A store over empty state, with {@link #SETTINGS}; customers are unique per test anyway. */
    abstract OnlineFeatureStore store();

    static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    private FeatureVector features(OnlineFeatureStore store, Transaction tx) {
        return computer.compute(tx, store.recordAndRead(tx), null);
    }

    @Test
    void countsVelocityOverEarlierTransactions() {
        OnlineFeatureStore store = store();
        String c = "velocity";
        store.recordAndRead(tx("v1", minutes(0)).customer(c).amount("10.00").build());
        store.recordAndRead(tx("v2", minutes(10)).customer(c).amount("20.00").build());
        store.recordAndRead(tx("v3", minutes(70)).customer(c).amount("30.00").build());

        FeatureVector v = features(store, tx("v4", minutes(75)).customer(c).build());

        assertThat(v.get("txn_count_1h")).isEqualTo(1);
        assertThat(v.get("txn_amount_1h")).isEqualTo(30);
        assertThat(v.get("txn_count_24h")).isEqualTo(3);
        assertThat(v.get("txn_amount_24h")).isEqualTo(60);
        assertThat(v.get("seconds_since_last")).isEqualTo(300);
    }

    @Test
    void recordingTheSameTransactionTwiceChangesNothing() {
        OnlineFeatureStore store = store();
        String c = "replay";
        store.recordAndRead(tx("r1", minutes(0)).customer(c).build());
        Transaction retried = tx("r2", minutes(5)).customer(c).merchant("M-new").build();

        CustomerHistory first = store.recordAndRead(retried);
        CustomerHistory second = store.recordAndRead(retried);
        CustomerHistory later = store.recordAndRead(tx("r3", minutes(6)).customer(c).merchant("M-new").build());

        assertThat(second).isEqualTo(first);
        assertThat(first.recent()).hasSize(1);
        assertThat(first.merchantFirstSeenMillis()).isNull();
        assertThat(later.recent()).hasSize(2);
        assertThat(later.merchantFirstSeenMillis()).isEqualTo(minutes(5).toEpochMilli());
        assertThat(computer.compute(retried, second, null).get("first_time_merchant")).isEqualTo(1);
    }

    @Test
    void firstSeenIsTheEarliestTimestampEvenWhenTransactionsArriveOutOfOrder() {
        OnlineFeatureStore store = store();
        String c = "late";
        store.recordAndRead(tx("l2", minutes(30)).customer(c).country("FR").build());

        CustomerHistory late = store.recordAndRead(tx("l1", minutes(10)).customer(c).country("FR").build());
        CustomerHistory after = store.recordAndRead(tx("l3", minutes(40)).customer(c).country("FR").build());

        assertThat(late.recent()).as("the later transaction is not before this one").isEmpty();
        assertThat(late.countryFirstSeenMillis()).as("first seen only after this one: never before it").isNull();
        assertThat(after.countryFirstSeenMillis()).isEqualTo(minutes(10).toEpochMilli());
        assertThat(after.recent()).extracting(PastTransaction::epochMillis)
                .containsExactly(minutes(10).toEpochMilli(), minutes(30).toEpochMilli());
    }

    @Test
    void remembersAmountAndLocationExactly() {
        OnlineFeatureStore store = store();
        String c = "exact";
        store.recordAndRead(tx("id|with|pipes", minutes(0)).customer(c).amount("1234.50")
                .at(-33.868812345, 151.2093).build());
        store.recordAndRead(tx("e2", minutes(1)).customer(c).online().amount("0.01").build());

        CustomerHistory history = store.recordAndRead(tx("e3", minutes(2)).customer(c).build());

        assertThat(history.recent()).containsExactly(
                new PastTransaction(minutes(0).toEpochMilli(), 1234.5, -33.868812345, 151.2093, "M1", "US"),
                new PastTransaction(minutes(1).toEpochMilli(), 0.01, null, null, "M1", "US"));
    }

    @Test
    void customersDoNotSeeEachOther() {
        OnlineFeatureStore store = store();
        store.recordAndRead(tx("a1", minutes(0)).customer("alice").build());

        CustomerHistory bob = store.recordAndRead(tx("b1", minutes(1)).customer("bob{x}").build());

        assertThat(bob.recent()).isEmpty();
        assertThat(bob.merchantFirstSeenMillis()).isNull();
    }

    @Test
    void forgetsEventsOlderThanTheRetention() {
        OnlineFeatureStore store = store();
        String c = "retention";
        store.recordAndRead(tx("o1", minutes(0)).customer(c).build());
        store.recordAndRead(tx("o2", minutes(8 * 24 * 60)).customer(c).build());

        // A straggler dated inside the old event's window: the event is gone all the same.
        CustomerHistory straggler = store.recordAndRead(tx("o3", minutes(60)).customer(c).build());

        assertThat(straggler.recent()).isEmpty();
        assertThat(straggler.merchantFirstSeenMillis()).as("first-seen marks outlive events")
                .isEqualTo(T0.toEpochMilli());
    }

    @Test
    void readsTheWholeWeekWithTheSameBoundsAsTheFeatures() {
        OnlineFeatureStore store = store();
        String c = "bounds";
        long day = OnlineFeatureStore.HISTORY_WINDOW.toMillis();
        Instant now = minutes(8 * 24 * 60);
        store.recordAndRead(tx("d1", now.minusMillis(day + 1)).customer(c).build());
        store.recordAndRead(tx("d2", now.minusMillis(day)).customer(c).build());
        store.recordAndRead(tx("d3", now).customer(c).build());

        CustomerHistory history = store.recordAndRead(tx("d4", now).customer(c).build());

        assertThat(history.recent()).extracting(PastTransaction::epochMillis)
                .containsExactly(now.toEpochMilli() - day);
    }
}
