package io.fraudops.feature.catalogue;

import io.fraudops.feature.offline.CustomerProfile;
import io.fraudops.feature.online.CustomerHistory;
import io.fraudops.feature.online.DayTotals;
import io.fraudops.feature.online.LabelCounts;
import io.fraudops.feature.online.PastTransaction;
import io.fraudops.feature.transaction.Channel;
import io.fraudops.feature.transaction.Transaction;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a transaction and what we know of its customer into model inputs. A pure function, and the
 * only one: serving and training both call it, so the model is scored on exactly the features it
 * was trained on. Thread-safe.
 */
public final class FeatureComputer {

  static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();
  static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();
  static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
  static final long WEEK_MILLIS = Duration.ofDays(7).toMillis();

  /** Below a minute, timestamps and coordinates are too coarse for a speed to mean anything. */
  static final long MIN_TRAVEL_MILLIS = Duration.ofMinutes(1).toMillis();

  static final int LAST_NIGHT_HOUR = 5;

  /** Fewer past payments than this say nothing about a customer's usual amount or hour. */
  static final int MIN_PAYMENTS_FOR_HABITS = 3;

  /**
   * A floor on the standard deviation, one currency unit: equal past amounts must not give
   * ±infinity.
   */
  static final double MIN_STANDARD_DEVIATION = 1.0;

  /**
   * Target encoding: a merchant or category without labels reads as FRAUD_PRIOR, and each of its
   * labels moves it from there; with SMOOTHING_LABELS labels, data and prior weigh the same. 0.1 is
   * roughly the fraud share among labels (chargebacks are all fraud, reviews mostly not), and it is
   * a constant of catalogue v2, not learned, so the feature stays a pure function of label counts.
   */
  static final double FRAUD_PRIOR = 0.1;

  static final double SMOOTHING_LABELS = 10;

  private static final Set<String> KNOWN =
      Set.of(
          "amount",
          "txn_count_1h",
          "txn_amount_1h",
          "txn_count_24h",
          "txn_amount_24h",
          "amount_to_avg_ratio",
          "hour_of_day",
          "is_night",
          "distance_from_home_km",
          "distance_from_last_km",
          "seconds_since_last",
          "speed_from_last_kmh",
          "first_time_merchant",
          "first_time_category",
          "first_time_country",
          "is_ecommerce",
          "txn_count_10m",
          "txn_amount_10m",
          "txn_max_10m",
          "txn_max_1h",
          "txn_max_24h",
          "txn_count_7d",
          "txn_amount_7d",
          "txn_max_7d",
          "distinct_merchants_24h",
          "distinct_countries_24h",
          "amount_zscore_30d",
          "hour_deviation_30d",
          "merchant_txn_count_1h",
          "merchant_txn_count_24h",
          "merchant_fraud_rate_90d",
          "category_fraud_rate_90d",
          "device_txn_count_24h",
          "device_other_customers_24h",
          "first_time_device");

  private final FeatureCatalogue catalogue;

  public FeatureComputer(FeatureCatalogue catalogue) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    for (String name : catalogue.names()) {
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException("no computation for feature " + name);
      }
    }
  }

  public FeatureCatalogue catalogue() {
    return catalogue;
  }

  /**
   * @param history the customer's history before {@code tx}; null when it could not be read, which
   *     leaves the history features at their missing value (an empty history is a new customer, not
   *     a missing one)
   * @param profile null for a customer without a profile: times are then read in UTC
   */
  public FeatureVector compute(Transaction tx, CustomerHistory history, CustomerProfile profile) {
    return compute(tx, history, profile, true);
  }

  /**
   * As {@link #compute}, for when the profile store could not be read: profile features are
   * missing.
   */
  public FeatureVector computeWithoutProfile(Transaction tx, CustomerHistory history) {
    return compute(tx, history, null, false);
  }

  private FeatureVector compute(
      Transaction tx, CustomerHistory history, CustomerProfile profile, boolean profileKnown) {
    Objects.requireNonNull(tx, "tx");
    // Sized for every known feature, so filling it never resizes (it did twice per payment).
    Map<String, Double> raw = new HashMap<>(2 * KNOWN.size());
    double amount = tx.amount().doubleValue();
    raw.put("amount", amount);
    raw.put("is_ecommerce", flag(Channel.ECOM.name().equals(tx.channel())));
    if (history != null) {
      putHistoryFeatures(tx, history, raw);
    }
    if (profileKnown) {
      putProfileFeatures(tx, profile, amount, raw);
    }
    double[] values = new double[catalogue.size()];
    for (int i = 0; i < values.length; i++) {
      FeatureDefinition definition = catalogue.definitions().get(i);
      Double value = raw.get(definition.name());
      values[i] = value == null ? definition.valueWhenMissing() : value;
    }
    return new FeatureVector(catalogue, values);
  }

  private static void putHistoryFeatures(
      Transaction tx, CustomerHistory history, Map<String, Double> raw) {
    long now = tx.epochMillis();
    Window tenMinutes = new Window(now - 10 * MINUTE_MILLIS);
    Window hour = new Window(now - HOUR_MILLIS);
    Window day = new Window(now - DAY_MILLIS);
    Window week = new Window(now - WEEK_MILLIS);
    long todayStart = Math.floorDiv(now, DAY_MILLIS) * DAY_MILLIS;
    DayTotals today = DayTotals.NONE;
    Set<String> merchants = new HashSet<>();
    Set<String> countries = new HashSet<>();
    PastTransaction last = null;
    PastTransaction lastLocated = null;
    // Windows are [now - window, now): the store already filters, but the computer must not depend
    // on how carefully each store does it.
    for (PastTransaction past : history.recent()) {
      long t = past.epochMillis();
      if (t >= now || t < now - WEEK_MILLIS) {
        continue;
      }
      for (Window window : List.of(tenMinutes, hour, day, week)) {
        window.add(past);
      }
      if (t >= todayStart) {
        today = today.plus(DayTotals.of(past.amount(), t));
      }
      if (t < now - DAY_MILLIS) {
        continue;
      }
      if (past.merchantId() != null) {
        merchants.add(past.merchantId());
      }
      if (past.country() != null) {
        countries.add(past.country());
      }
      if (last == null || t >= last.epochMillis()) {
        last = past;
      }
      if (past.hasLocation() && (lastLocated == null || t >= lastLocated.epochMillis())) {
        lastLocated = past;
      }
    }
    tenMinutes.put("10m", raw);
    hour.put("1h", raw);
    day.put("24h", raw);
    week.put("7d", raw);
    raw.put("distinct_merchants_24h", (double) merchants.size());
    raw.put("distinct_countries_24h", (double) countries.size());
    if (last != null) {
      raw.put("seconds_since_last", (now - last.epochMillis()) / 1000.0);
    }
    if (lastLocated != null && tx.hasLocation()) {
      double km =
          Geo.kilometres(
              lastLocated.latitude(), lastLocated.longitude(), tx.latitude(), tx.longitude());
      double hours =
          Math.max(now - lastLocated.epochMillis(), MIN_TRAVEL_MILLIS) / (double) HOUR_MILLIS;
      raw.put("distance_from_last_km", km);
      raw.put("speed_from_last_kmh", km / hours);
    }
    raw.put("first_time_merchant", firstTime(history.merchantFirstSeenMillis(), now));
    raw.put("first_time_category", firstTime(history.categoryFirstSeenMillis(), now));
    raw.put("first_time_country", firstTime(history.countryFirstSeenMillis(), now));
    putHabitFeatures(tx, history, today, raw);
    putEntityFeatures(tx, history, raw);
  }

  /**
   * The 30-day z-score and hour deviation: complete past days from the store, today from the
   * events.
   */
  private static void putHabitFeatures(
      Transaction tx, CustomerHistory history, DayTotals today, Map<String, Double> raw) {
    DayTotals total = DayTotals.NONE;
    for (DayTotals day : history.pastDays()) {
      total = total.plus(day);
    }
    total = total.plus(today);
    if (total.count() < MIN_PAYMENTS_FOR_HABITS) {
      return;
    }
    double n = total.count();
    double mean = total.sum() / n;
    double variance = Math.max(total.sumOfSquares() / n - mean * mean, 0);
    double deviation = Math.max(StrictMath.sqrt(variance), MIN_STANDARD_DEVIATION);
    raw.put("amount_zscore_30d", (tx.amount().doubleValue() - mean) / deviation);
    // The circular mean of times of day, in UTC: a difference of two times of day is the same in
    // every
    // fixed offset, so this is the deviation in the customer's local time except across a DST
    // change.
    // The profile's zone is not needed, and the feature is the same with or without a profile.
    if (StrictMath.hypot(total.sumOfCos(), total.sumOfSin()) / n < 1e-9) {
      return;
    }
    double usual = StrictMath.atan2(total.sumOfSin(), total.sumOfCos());
    double difference = DayTotals.hourAngle(tx.epochMillis()) - usual;
    double wrapped = StrictMath.abs(StrictMath.IEEEremainder(difference, 2 * Math.PI));
    raw.put("hour_deviation_30d", wrapped * 24 / (2 * Math.PI));
  }

  private static void putEntityFeatures(
      Transaction tx, CustomerHistory history, Map<String, Double> raw) {
    raw.put("merchant_txn_count_1h", (double) history.merchant().payments1h());
    raw.put("merchant_txn_count_24h", (double) history.merchant().payments24h());
    raw.put("merchant_fraud_rate_90d", fraudRate(history.merchant().labels()));
    raw.put("category_fraud_rate_90d", fraudRate(history.category()));
    if (tx.deviceId() != null && history.deviceCustomers() != null) {
      Set<String> others = new HashSet<>(history.deviceCustomers());
      others.remove(tx.customerId());
      raw.put("device_txn_count_24h", (double) history.deviceCustomers().size());
      raw.put("device_other_customers_24h", (double) others.size());
      raw.put("first_time_device", firstTime(history.deviceFirstSeenMillis(), tx.epochMillis()));
    }
  }

  /** Smoothed target encoding: (fraud + prior·m) / (labels + m). */
  static double fraudRate(LabelCounts counts) {
    return (counts.fraud() + FRAUD_PRIOR * SMOOTHING_LABELS) / (counts.labels() + SMOOTHING_LABELS);
  }

  /** Count, sum and maximum of the customer's amounts since {@code start}. */
  private static final class Window {

    private final long start;
    private int count;
    private double sum;
    private double max;

    Window(long start) {
      this.start = start;
    }

    void add(PastTransaction past) {
      if (past.epochMillis() >= start) {
        count++;
        sum += past.amount();
        max = Math.max(max, past.amount());
      }
    }

    void put(String suffix, Map<String, Double> raw) {
      raw.put("txn_count_" + suffix, (double) count);
      raw.put("txn_amount_" + suffix, sum);
      raw.put("txn_max_" + suffix, max);
    }
  }

  private static void putProfileFeatures(
      Transaction tx, CustomerProfile profile, double amount, Map<String, Double> raw) {
    int hour =
        tx.timestamp().atZone(profile == null ? ZoneOffset.UTC : profile.zoneOrUtc()).getHour();
    raw.put("hour_of_day", (double) hour);
    raw.put("is_night", flag(hour <= LAST_NIGHT_HOUR));
    if (profile == null) {
      return;
    }
    raw.put("amount_to_avg_ratio", amount / profile.usualAmount());
    if (profile.hasHome() && tx.hasLocation()) {
      raw.put(
          "distance_from_home_km",
          Geo.kilometres(
              profile.homeLatitude(), profile.homeLongitude(), tx.latitude(), tx.longitude()));
    }
  }

  private static double firstTime(Long firstSeenMillis, long now) {
    return flag(firstSeenMillis == null || firstSeenMillis >= now);
  }

  private static double flag(boolean value) {
    return value ? 1.0 : 0.0;
  }
}
