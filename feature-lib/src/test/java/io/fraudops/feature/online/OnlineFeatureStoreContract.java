package io.fraudops.feature.online;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.catalogue.FeatureComputer;
import io.fraudops.feature.catalogue.FeatureVector;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.Transaction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
    CustomerHistory later =
        store.recordAndRead(tx("r3", minutes(6)).customer(c).merchant("M-new").build());

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

    CustomerHistory late =
        store.recordAndRead(tx("l1", minutes(10)).customer(c).country("FR").build());
    CustomerHistory after =
        store.recordAndRead(tx("l3", minutes(40)).customer(c).country("FR").build());

    assertThat(late.recent()).as("the later transaction is not before this one").isEmpty();
    assertThat(late.countryFirstSeenMillis())
        .as("first seen only after this one: never before it")
        .isNull();
    assertThat(after.countryFirstSeenMillis()).isEqualTo(minutes(10).toEpochMilli());
    assertThat(after.recent())
        .extracting(PastTransaction::epochMillis)
        .containsExactly(minutes(10).toEpochMilli(), minutes(30).toEpochMilli());
  }

  @Test
  void remembersAmountAndLocationExactly() {
    OnlineFeatureStore store = store();
    String c = "exact";
    store.recordAndRead(
        tx("id|with|pipes", minutes(0))
            .customer(c)
            .amount("1234.50")
            .at(-33.868812345, 151.2093)
            .build());
    store.recordAndRead(tx("e2", minutes(1)).customer(c).online().amount("0.01").build());

    CustomerHistory history = store.recordAndRead(tx("e3", minutes(2)).customer(c).build());

    assertThat(history.recent())
        .containsExactly(
            new PastTransaction(
                minutes(0).toEpochMilli(), 1234.5, -33.868812345, 151.2093, "M1", "US"),
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
    assertThat(straggler.merchantFirstSeenMillis())
        .as("first-seen marks outlive events")
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

    assertThat(history.recent())
        .extracting(PastTransaction::epochMillis)
        .containsExactly(now.toEpochMilli() - day);
  }

  // ---- v2: merchants, devices, labels, day totals ----

  private final FeatureComputer v2 = new FeatureComputer(FeatureCatalogue.v2());

  private static LabelEvent label(
      String txId,
      String merchant,
      String category,
      boolean fraud,
      String source,
      Instant knownAt) {
    return new LabelEvent(txId, "someone", merchant, category, fraud, source, knownAt);
  }

  @Test
  void fraudRatesUseOnlyLabelsKnownStrictlyBeforeThePayment() {
    OnlineFeatureStore store = store();
    store.recordLabel(label("p1", "M-te", "jewelry", true, "chargeback", minutes(10)));
    store.recordLabel(label("p2", "M-te", "jewelry", false, "analyst", minutes(20)));
    store.recordLabel(label("p3", "M-other", "jewelry", true, "analyst", minutes(20)));

    CustomerHistory atTen =
        store.recordAndRead(
            tx("te1", minutes(10)).customer("te").merchant("M-te").category("jewelry").build());
    CustomerHistory atTwenty =
        store.recordAndRead(
            tx("te2", minutes(20)).customer("te").merchant("M-te").category("jewelry").build());
    CustomerHistory after =
        store.recordAndRead(
            tx("te3", minutes(21)).customer("te").merchant("M-te").category("jewelry").build());

    assertThat(atTen.merchant().labels())
        .as("a label known at the payment's instant is not before it")
        .isEqualTo(LabelCounts.NONE);
    assertThat(atTwenty.merchant().labels()).isEqualTo(new LabelCounts(1, 1));
    assertThat(atTwenty.category()).isEqualTo(new LabelCounts(1, 1));
    assertThat(after.merchant().labels()).isEqualTo(new LabelCounts(2, 1));
    assertThat(after.category()).isEqualTo(new LabelCounts(3, 2));
    FeatureVector v =
        v2.compute(
            tx("te3", minutes(21)).customer("te").merchant("M-te").category("jewelry").build(),
            after,
            null);
    assertThat(v.get("merchant_fraud_rate_90d"))
        .isCloseTo((1 + 0.1 * 10) / (2 + 10), within(1e-12));
    assertThat(v.get("category_fraud_rate_90d"))
        .isCloseTo((2 + 0.1 * 10) / (3 + 10), within(1e-12));
  }

  @Test
  void aLabelCountsOncePerTransactionAndSource() {
    OnlineFeatureStore store = store();
    LabelEvent chargeback = label("q1", "M-idem", "travel", true, "chargeback", minutes(1));
    store.recordLabel(chargeback);
    store.recordLabel(chargeback);
    store.recordLabel(label("q1", "M-idem", "travel", false, "chargeback", minutes(2)));
    store.recordLabel(label("q1", "M-idem", "travel", false, "analyst", minutes(3)));

    CustomerHistory history =
        store.recordAndRead(
            tx("qi", minutes(10)).customer("idem").merchant("M-idem").category("travel").build());

    assertThat(history.merchant().labels())
        .as("the first chargeback counts, the analyst's is another label")
        .isEqualTo(new LabelCounts(2, 1));
    assertThat(history.category()).isEqualTo(new LabelCounts(2, 1));
  }

  @Test
  void labelsOlderThanTheLabelWindowNoLongerCount() {
    OnlineFeatureStore store = store();
    store.recordLabel(label("w1", "M-win", "travel", true, "chargeback", minutes(0)));
    long window = OnlineFeatureStore.LABEL_WINDOW.toMinutes();

    CustomerHistory inside =
        store.recordAndRead(tx("wi", minutes(window)).customer("win").merchant("M-win").build());
    CustomerHistory outside =
        store.recordAndRead(
            tx("wo", minutes(window + 1)).customer("win").merchant("M-win").build());

    assertThat(inside.merchant().labels()).isEqualTo(new LabelCounts(1, 1));
    assertThat(outside.merchant().labels()).isEqualTo(LabelCounts.NONE);
  }

  @Test
  void merchantCountsSpanCustomersAndWindows() {
    OnlineFeatureStore store = store();
    store.recordAndRead(tx("mc1", minutes(0)).customer("a").merchant("M-busy").build());
    store.recordAndRead(tx("mc2", minutes(30)).customer("b").merchant("M-busy").build());
    store.recordAndRead(tx("mc3", minutes(100)).customer("c").merchant("M-busy").build());
    store.recordAndRead(tx("mc3", minutes(100)).customer("c").merchant("M-busy").build());
    store.recordAndRead(tx("mc4", minutes(100)).customer("d").merchant("M-quiet").build());

    CustomerHistory history =
        store.recordAndRead(tx("mc5", minutes(120)).customer("e").merchant("M-busy").build());

    assertThat(history.merchant().payments1h()).as("mc3, once").isEqualTo(1);
    assertThat(history.merchant().payments24h()).isEqualTo(3);
  }

  @Test
  void deviceUsesCountPaymentsAndOtherCustomers() {
    OnlineFeatureStore store = store();
    store.recordAndRead(tx("dv1", minutes(0)).customer("victim1").device("D-ring").build());
    store.recordAndRead(tx("dv2", minutes(5)).customer("victim2").device("D-ring").build());
    store.recordAndRead(tx("dv3", minutes(6)).customer("victim3").device("D-ring").build());
    store.recordAndRead(tx("dv3", minutes(6)).customer("victim3").device("D-ring").build());
    store.recordAndRead(tx("dv0", minutes(-25 * 60)).customer("victim9").device("D-ring").build());

    Transaction tx = tx("dv4", minutes(10)).customer("victim3").device("D-ring").build();
    FeatureVector v = v2.compute(tx, store.recordAndRead(tx), null);
    Transaction without = tx("dv5", minutes(11)).customer("victim4").build();
    FeatureVector none = v2.compute(without, store.recordAndRead(without), null);

    assertThat(v.get("device_txn_count_24h")).isEqualTo(3);
    assertThat(v.get("device_other_customers_24h")).as("victim1 and victim2").isEqualTo(2);
    assertThat(v.get("first_time_device")).isZero();
    assertThat(none.get("device_txn_count_24h")).isZero();
    assertThat(none.get("first_time_device")).isZero();
  }

  @Test
  void dayTotalsCoverThirtyDaysBeforeTodayAndReplaysDoNotDoubleCount() {
    OnlineFeatureStore store = store();
    String c = "habits";
    Instant dayStart = Instant.parse("2025-03-01T00:00:00Z");
    store.recordAndRead(
        tx("h0", dayStart.minus(Duration.ofDays(31))).customer(c).amount("999.00").build());
    Transaction first =
        tx("h1", dayStart.minus(Duration.ofDays(30))).customer(c).amount("10.00").build();
    store.recordAndRead(first);
    store.recordAndRead(
        tx("h2", dayStart.minus(Duration.ofDays(2))).customer(c).amount("20.00").build());
    Transaction yesterday = tx("h3", dayStart.minusSeconds(1)).customer(c).amount("30.00").build();
    store.recordAndRead(yesterday);
    store.recordAndRead(yesterday);

    CustomerHistory history =
        store.recordAndRead(tx("h4", dayStart.plusSeconds(60)).customer(c).build());
    store.recordAndRead(yesterday);
    CustomerHistory again =
        store.recordAndRead(tx("h4", dayStart.plusSeconds(60)).customer(c).build());

    assertThat(history.pastDays()).hasSize(30);
    assertThat(history.pastDays().getFirst()).isEqualTo(DayTotals.of(10, first.epochMillis()));
    assertThat(history.pastDays().stream().mapToLong(DayTotals::count).sum()).isEqualTo(3);
    assertThat(history.pastDays().stream().mapToDouble(DayTotals::sum).sum()).isEqualTo(60);
    assertThat(again).as("replays after a new day changed nothing").isEqualTo(history);
  }

  @Test
  void aStragglerOlderThanTheRetentionIsAnsweredButNotRecorded() {
    OnlineFeatureStore store = store();
    String c = "straggler";
    Instant latest = minutes(20 * 24 * 60);
    store.recordAndRead(tx("s-latest", latest).customer(c).build());
    Transaction late =
        tx("s-late", latest.minus(Duration.ofDays(9))).customer(c).amount("500.00").build();

    store.recordAndRead(late);
    store.recordAndRead(late);
    CustomerHistory next =
        store.recordAndRead(tx("s-next", latest.plusSeconds(1)).customer(c).build());

    assertThat(next.pastDays().stream().mapToLong(DayTotals::count).sum()).isZero();
    assertThat(next.recent())
        .extracting(PastTransaction::epochMillis)
        .containsExactly(latest.toEpochMilli());
  }

  @Test
  void dayTotalsTrimmedBehindTheLatestDayAreNotReadBackByALateTransaction() {
    OnlineFeatureStore store = store();
    String c = "trimmed";
    Instant day0 = Instant.parse("2025-03-01T12:00:00Z");
    store.recordAndRead(tx("d0", day0).customer(c).amount("70.00").build());
    store.recordAndRead(tx("d45", day0.plus(Duration.ofDays(45))).customer(c).build());

    // Too late to be recorded, still answered: its 30 days reach back to day 0, which is trimmed.
    CustomerHistory late =
        store.recordAndRead(tx("d20", day0.plus(Duration.ofDays(20))).customer(c).build());
    CustomerHistory next =
        store.recordAndRead(tx("d46", day0.plus(Duration.ofDays(46))).customer(c).build());

    assertThat(late.pastDays().stream().mapToLong(DayTotals::count).sum()).isZero();
    assertThat(next.pastDays().stream().mapToLong(DayTotals::count).sum())
        .as("day 45")
        .isEqualTo(1);
  }
}
