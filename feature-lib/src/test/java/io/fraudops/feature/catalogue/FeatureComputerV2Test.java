package io.fraudops.feature.catalogue;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.feature.online.CustomerHistory;
import io.fraudops.feature.online.DayTotals;
import io.fraudops.feature.online.LabelCounts;
import io.fraudops.feature.online.MerchantActivity;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.online.PastTransaction;
import io.fraudops.feature.transaction.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The features catalogue v2 adds, one computation each, at their window boundaries. */
class FeatureComputerV2Test {

  private static final Instant NOW = Instant.parse("2025-03-01T08:30:00Z");
  private static final long T = NOW.toEpochMilli();
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final FeatureComputer computer = new FeatureComputer(FeatureCatalogue.v2());
  private final Transaction here = tx("T", NOW).amount("50.00").build();

  private static PastTransaction past(long epochMillis, double amount) {
    return new PastTransaction(epochMillis, amount, null, null, "M1", "US");
  }

  private static PastTransaction past(long epochMillis, String merchant, String country) {
    return new PastTransaction(epochMillis, 1, null, null, merchant, country);
  }

  private static CustomerHistory history(List<PastTransaction> recent, List<DayTotals> days) {
    return new CustomerHistory(
        recent, 0L, 0L, 0L, null, days, MerchantActivity.NONE, LabelCounts.NONE, null);
  }

  private static List<DayTotals> noDays() {
    return Collections.nCopies(OnlineFeatureStore.PAST_DAYS, DayTotals.NONE);
  }

  @Test
  void velocityWindowsAreStrictlyBeforeWithInclusiveLowerBounds() {
    CustomerHistory history =
        history(
            List.of(
                past(T - 7 * DAY - 1, 5000),
                past(T - 7 * DAY, 700),
                past(T - DAY - 1, 300),
                past(T - DAY, 200),
                past(T - HOUR - 1, 90),
                past(T - HOUR, 60),
                past(T - 10 * MINUTE - 1, 40),
                past(T - 10 * MINUTE, 7),
                past(T - 1, 3),
                past(T, 9000)),
            noDays());

    FeatureVector v = computer.compute(here, history, null);

    assertThat(v.get("txn_count_10m")).isEqualTo(2);
    assertThat(v.get("txn_amount_10m")).isEqualTo(10);
    assertThat(v.get("txn_max_10m")).isEqualTo(7);
    assertThat(v.get("txn_count_1h")).isEqualTo(4);
    assertThat(v.get("txn_amount_1h")).isEqualTo(110);
    assertThat(v.get("txn_max_1h")).isEqualTo(60);
    assertThat(v.get("txn_count_24h")).isEqualTo(6);
    assertThat(v.get("txn_max_24h")).isEqualTo(200);
    assertThat(v.get("txn_count_7d")).isEqualTo(8);
    assertThat(v.get("txn_amount_7d")).isEqualTo(1400);
    assertThat(v.get("txn_max_7d")).isEqualTo(700);
  }

  @Test
  void distinctMerchantsAndCountriesCountTheLastDayOnly() {
    CustomerHistory history =
        history(
            List.of(
                past(T - DAY - 1, "M-old", "JP"),
                past(T - DAY, "M-a", "US"),
                past(T - HOUR, "M-b", "FR"),
                past(T - MINUTE, "M-a", "FR"),
                past(T, "M-c", "DE")),
            noDays());

    FeatureVector v = computer.compute(here, history, null);

    assertThat(v.get("distinct_merchants_24h")).isEqualTo(2);
    assertThat(v.get("distinct_countries_24h")).isEqualTo(2);
  }

  @Test
  void amountZScoreUsesPastDaysAndTodayBeforeThePayment() {
    List<DayTotals> days = new ArrayList<>(noDays());
    days.set(0, DayTotals.of(10, T - 30 * DAY));
    days.set(29, DayTotals.of(20, T - DAY));
    long todayStart = T - Math.floorMod(T, DAY);
    CustomerHistory history =
        history(List.of(past(todayStart - 1, 1000), past(todayStart, 30), past(T, 5000)), days);

    FeatureVector v = computer.compute(here, history, null);

    // Payments 10, 20, 30: mean 20, population standard deviation sqrt(200/3). The 1000 yesterday
    // is in
    // the day totals or nowhere: the store puts it there, the computer must not count it from
    // events.
    assertThat(v.get("amount_zscore_30d"))
        .isCloseTo((50 - 20) / Math.sqrt(200.0 / 3), within(1e-9));
  }

  @Test
  void amountZScoreIsMissingWithFewerThanThreePaymentsAndNeverInfinite() {
    List<DayTotals> two = new ArrayList<>(noDays());
    two.set(3, DayTotals.of(10, T - 27 * DAY).plus(DayTotals.of(10, T - 27 * DAY)));
    List<DayTotals> equal = new ArrayList<>(two);
    equal.set(4, DayTotals.of(10, T - 26 * DAY));

    assertThat(computer.compute(here, history(List.of(), two), null).get("amount_zscore_30d"))
        .isZero();
    assertThat(computer.compute(here, history(List.of(), equal), null).get("amount_zscore_30d"))
        .as("standard deviation floored at 1")
        .isCloseTo(40, within(1e-9));
  }

  @Test
  void hourDeviationIsTheCircularDistanceToTheUsualHour() {
    // NOW is 08:30 UTC. Past payments around 23:00 and 01:00: the usual hour is midnight, not noon.
    List<DayTotals> days = new ArrayList<>(noDays());
    long midnight = T - Math.floorMod(T, DAY) - 10 * DAY;
    days.set(
        20,
        DayTotals.of(5, midnight - HOUR)
            .plus(DayTotals.of(5, midnight + HOUR))
            .plus(DayTotals.of(5, midnight)));
    CustomerHistory history = history(List.of(), days);

    assertThat(computer.compute(here, history, null).get("hour_deviation_30d"))
        .isCloseTo(8.5, within(1e-9));
    Transaction evening = tx("E", Instant.parse("2025-03-01T22:00:00Z")).build();
    assertThat(computer.compute(evening, history, null).get("hour_deviation_30d"))
        .isCloseTo(2, within(1e-9));
    List<DayTotals> few = new ArrayList<>(noDays());
    few.set(20, DayTotals.of(5, midnight).plus(DayTotals.of(5, midnight)));
    assertThat(computer.compute(here, history(List.of(), few), null).get("hour_deviation_30d"))
        .isZero();
  }

  @Test
  void fraudRatesAreSmoothedTowardsThePrior() {
    CustomerHistory history =
        new CustomerHistory(
            List.of(),
            0L,
            0L,
            0L,
            null,
            noDays(),
            new MerchantActivity(2, 7, new LabelCounts(30, 15)),
            new LabelCounts(0, 0),
            null);

    FeatureVector v = computer.compute(here, history, null);

    assertThat(v.get("merchant_fraud_rate_90d"))
        .isCloseTo((15 + 0.1 * 10) / (30 + 10), within(1e-12));
    assertThat(v.get("category_fraud_rate_90d")).isCloseTo(0.1, within(1e-12));
    assertThat(v.get("merchant_txn_count_1h")).isEqualTo(2);
    assertThat(v.get("merchant_txn_count_24h")).isEqualTo(7);
    assertThat(computer.compute(here, null, null).get("merchant_fraud_rate_90d"))
        .as("unreadable store: the prior")
        .isEqualTo(0.1);
  }

  @Test
  void deviceFeaturesCountUsesAndOtherCustomers() {
    Transaction withDevice = tx("T", NOW).customer("C1").device("D1").build();
    CustomerHistory history =
        new CustomerHistory(
            List.of(),
            0L,
            0L,
            0L,
            null,
            noDays(),
            MerchantActivity.NONE,
            LabelCounts.NONE,
            List.of("C1", "C2", "C2", "C3"));

    FeatureVector v = computer.compute(withDevice, history, null);
    FeatureVector without = computer.compute(here, history, null);

    assertThat(v.get("device_txn_count_24h")).isEqualTo(4);
    assertThat(v.get("device_other_customers_24h")).isEqualTo(2);
    assertThat(v.get("first_time_device")).as("no first-seen mark before now").isEqualTo(1);
    assertThat(without.get("device_txn_count_24h")).isZero();
    assertThat(without.get("first_time_device")).isZero();
  }

  @Test
  void v1FeaturesKeepTheirValuesInV2() {
    CustomerHistory history = history(List.of(past(T - 2 * DAY, 80), past(T - HOUR, 12)), noDays());
    FeatureVector v1 = new FeatureComputer(FeatureCatalogue.v1()).compute(here, history, null);
    FeatureVector v2 = computer.compute(here, history, null);

    for (String name : FeatureCatalogue.v1().names()) {
      assertThat(v2.get(name)).as(name).isEqualTo(v1.get(name));
    }
    assertThat(v1.get("txn_count_24h"))
        .as("the 2-day-old payment is outside v1's windows")
        .isEqualTo(1);
  }
}
