package io.fraudops.feature.catalogue;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.feature.offline.CustomerProfile;
import io.fraudops.feature.online.CustomerHistory;
import io.fraudops.feature.online.PastTransaction;
import io.fraudops.feature.transaction.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureComputerTest {

  private static final Instant NOW = Instant.parse("2025-03-01T08:30:00Z");
  private static final long T = NOW.toEpochMilli();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final double LONDON_LAT = 51.5074;
  private static final double LONDON_LON = -0.1278;
  private static final double PARIS_LAT = 48.8566;
  private static final double PARIS_LON = 2.3522;
  private static final CustomerProfile NEW_YORKER =
      new CustomerProfile("C1", 40.7128, -74.0060, 20.0, ZoneId.of("America/New_York"));

  private final FeatureComputer computer = new FeatureComputer(FeatureCatalogue.v1());
  private final Transaction here = tx("T", NOW).amount("50.00").build();

  private static PastTransaction past(long epochMillis, double amount) {
    return new PastTransaction(epochMillis, amount, null, null);
  }

  private static CustomerHistory history(PastTransaction... recent) {
    return new CustomerHistory(List.of(recent), 0L, 0L, 0L);
  }

  @Test
  void windowsCountOnlyEarlierTransactionsWithInclusiveLowerBounds() {
    CustomerHistory history =
        history(
            past(T - 24 * HOUR - 1, 1000),
            past(T - 24 * HOUR, 100),
            past(T - HOUR - 1, 10),
            past(T - HOUR, 1),
            past(T - 1, 2),
            past(T, 5000));

    FeatureVector v = computer.compute(here, history, null);

    assertThat(v.get("txn_count_1h")).isEqualTo(2);
    assertThat(v.get("txn_amount_1h")).isEqualTo(3);
    assertThat(v.get("txn_count_24h")).isEqualTo(4);
    assertThat(v.get("txn_amount_24h")).isEqualTo(113);
    assertThat(v.get("seconds_since_last")).isEqualTo(0.001);
    assertThat(v.get("amount")).isEqualTo(50);
  }

  @Test
  void firstTimeMeansNeverSeenOrFirstSeenNoEarlierThanThisTransaction() {
    CustomerHistory history = new CustomerHistory(List.of(), T - 1, T, null);

    FeatureVector v = computer.compute(here, history, null);

    assertThat(v.get("first_time_merchant")).isZero();
    assertThat(v.get("first_time_category")).as("a replay of the first transaction").isEqualTo(1);
    assertThat(v.get("first_time_country")).isEqualTo(1);
  }

  @Test
  void distanceAndSpeedComeFromTheLastLocatedTransaction() {
    Transaction inParis = tx("T", NOW).at(PARIS_LAT, PARIS_LON).build();
    CustomerHistory history =
        history(new PastTransaction(T - HOUR, 10, LONDON_LAT, LONDON_LON), past(T - 600_000, 10));

    FeatureVector v = computer.compute(inParis, history, null);

    assertThat(v.get("distance_from_last_km")).isCloseTo(343.5, within(1.0));
    assertThat(v.get("speed_from_last_kmh")).isCloseTo(343.5, within(1.0));
    assertThat(v.get("seconds_since_last")).isEqualTo(600);
  }

  @Test
  void speedIsNotInflatedByTimestampsSecondsApart() {
    Transaction tx = tx("T", NOW).at(LONDON_LAT, LONDON_LON + 0.0145).build();
    CustomerHistory history = history(new PastTransaction(T - 10_000, 10, LONDON_LAT, LONDON_LON));

    FeatureVector v = computer.compute(tx, history, null);

    assertThat(v.get("distance_from_last_km")).isCloseTo(1.0, within(0.01));
    assertThat(v.get("speed_from_last_kmh"))
        .as("1 km over the one-minute floor")
        .isCloseTo(60.0, within(1.0));
  }

  @Test
  void hoursAreLocalToTheCustomerAndUtcWithoutAProfile() {
    FeatureVector newYork = computer.compute(here, CustomerHistory.empty(), NEW_YORKER);
    FeatureVector utc = computer.compute(here, CustomerHistory.empty(), null);

    assertThat(newYork.get("hour_of_day")).isEqualTo(3);
    assertThat(newYork.get("is_night")).isEqualTo(1);
    assertThat(utc.get("hour_of_day")).isEqualTo(8);
    assertThat(utc.get("is_night")).isZero();
  }

  @Test
  void nightEndsAfterFiveLocalTime() {
    Transaction at0559 = tx("T", Instant.parse("2025-03-01T10:59:00Z")).build();
    Transaction at0600 = tx("T", Instant.parse("2025-03-01T11:00:00Z")).build();

    assertThat(computer.compute(at0559, CustomerHistory.empty(), NEW_YORKER).get("is_night"))
        .isEqualTo(1);
    assertThat(computer.compute(at0600, CustomerHistory.empty(), NEW_YORKER).get("is_night"))
        .isZero();
  }

  @Test
  void profileFeaturesCompareWithTheCustomersHabits() {
    Transaction inParis = tx("T", NOW).amount("50.00").at(PARIS_LAT, PARIS_LON).build();

    FeatureVector v = computer.compute(inParis, CustomerHistory.empty(), NEW_YORKER);

    assertThat(v.get("amount_to_avg_ratio")).isEqualTo(2.5);
    assertThat(v.get("distance_from_home_km")).isCloseTo(5837, within(10.0));
  }

  @Test
  void aNewCustomerHasNeutralValuesAndEverythingIsFirstTime() {
    FeatureVector v =
        computer.compute(tx("T", NOW).online().build(), CustomerHistory.empty(), null);

    assertThat(v.get("txn_count_1h")).isZero();
    assertThat(v.get("txn_count_24h")).isZero();
    assertThat(v.get("seconds_since_last")).isEqualTo(86_400);
    assertThat(v.get("distance_from_last_km")).isZero();
    assertThat(v.get("speed_from_last_kmh")).isZero();
    assertThat(v.get("amount_to_avg_ratio")).isEqualTo(1);
    assertThat(v.get("distance_from_home_km")).isZero();
    assertThat(v.get("first_time_merchant")).isEqualTo(1);
    assertThat(v.get("first_time_country")).isEqualTo(1);
    assertThat(v.get("is_ecommerce")).isEqualTo(1);
  }

  @Test
  void unreadableSourcesLeaveTheirFeaturesAtTheCatalogueMissingValues() {
    FeatureCatalogue catalogue = FeatureCatalogue.v1();
    CustomerHistory busy = history(past(T - 1000, 10));

    FeatureVector noHistory = computer.compute(here, null, NEW_YORKER);
    FeatureVector noProfile = computer.computeWithoutProfile(here, busy);

    for (String name :
        List.of(
            "txn_count_1h",
            "txn_amount_24h",
            "seconds_since_last",
            "first_time_merchant",
            "first_time_country",
            "speed_from_last_kmh")) {
      assertThat(noHistory.get(name))
          .as(name)
          .isEqualTo(catalogue.definition(name).valueWhenMissing());
    }
    for (String name :
        List.of("hour_of_day", "is_night", "amount_to_avg_ratio", "distance_from_home_km")) {
      assertThat(noProfile.get(name))
          .as(name)
          .isEqualTo(catalogue.definition(name).valueWhenMissing());
    }
    assertThat(noHistory.get("hour_of_day")).isEqualTo(3);
    assertThat(noProfile.get("txn_count_1h")).isEqualTo(1);
  }

  @Test
  void isAPureFunction() {
    CustomerHistory history = history(new PastTransaction(T - HOUR, 10, LONDON_LAT, LONDON_LON));

    assertThat(computer.compute(here, history, NEW_YORKER))
        .isEqualTo(computer.compute(here, history, NEW_YORKER));
  }
}
