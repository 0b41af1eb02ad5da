package io.fraudops.feature.catalogue;

import static io.fraudops.feature.catalogue.FeatureEntity.CATEGORY;
import static io.fraudops.feature.catalogue.FeatureEntity.CUSTOMER;
import static io.fraudops.feature.catalogue.FeatureEntity.DEVICE;
import static io.fraudops.feature.catalogue.FeatureEntity.MERCHANT;
import static io.fraudops.feature.catalogue.FeatureEntity.TRANSACTION;
import static io.fraudops.feature.catalogue.FeatureType.FLAG;
import static io.fraudops.feature.catalogue.FeatureType.NUMERIC;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered list of model inputs. The order is the column order of training sets and model input
 * vectors, so a catalogue version, once a model is trained on it, never changes: add a new version.
 * Every feature is declared here once; {@link FeatureComputer} is its only computation.
 */
public final class FeatureCatalogue {

  private static final List<FeatureDefinition> V1_FEATURES =
      List.of(
          new FeatureDefinition("amount", NUMERIC, TRANSACTION, "-", 0, "transaction amount"),
          new FeatureDefinition(
              "txn_count_1h",
              NUMERIC,
              CUSTOMER,
              "1h",
              0,
              "customer's transactions in the hour before this one"),
          new FeatureDefinition(
              "txn_amount_1h",
              NUMERIC,
              CUSTOMER,
              "1h",
              0,
              "sum of the customer's amounts in the hour before this one"),
          new FeatureDefinition(
              "txn_count_24h",
              NUMERIC,
              CUSTOMER,
              "24h",
              0,
              "customer's transactions in the 24 hours before this one"),
          new FeatureDefinition(
              "txn_amount_24h",
              NUMERIC,
              CUSTOMER,
              "24h",
              0,
              "sum of the customer's amounts in the 24 hours before this one"),
          new FeatureDefinition(
              "amount_to_avg_ratio",
              NUMERIC,
              CUSTOMER,
              "-",
              1,
              "amount divided by the customer's usual amount (profile)"),
          new FeatureDefinition(
              "hour_of_day",
              NUMERIC,
              CUSTOMER,
              "-",
              12,
              "local hour in the customer's time zone (profile), UTC if none"),
          new FeatureDefinition(
              "is_night", FLAG, CUSTOMER, "-", 0, "local hour is between 0 and 5"),
          new FeatureDefinition(
              "distance_from_home_km",
              NUMERIC,
              CUSTOMER,
              "-",
              0,
              "great-circle distance from the customer's home (profile)"),
          new FeatureDefinition(
              "distance_from_last_km",
              NUMERIC,
              CUSTOMER,
              "24h",
              0,
              "distance from the customer's last located transaction"),
          new FeatureDefinition(
              "seconds_since_last",
              NUMERIC,
              CUSTOMER,
              "24h",
              86_400,
              "seconds since the customer's previous transaction, 86400 if none in 24 h"),
          new FeatureDefinition(
              "speed_from_last_kmh",
              NUMERIC,
              CUSTOMER,
              "24h",
              0,
              "travel speed implied by the last located transaction (impossible travel)"),
          new FeatureDefinition(
              "first_time_merchant",
              FLAG,
              CUSTOMER,
              "-",
              0,
              "customer never paid this merchant before"),
          new FeatureDefinition(
              "first_time_category",
              FLAG,
              CUSTOMER,
              "-",
              0,
              "customer never paid in this merchant category before"),
          new FeatureDefinition(
              "first_time_country",
              FLAG,
              CUSTOMER,
              "-",
              0,
              "customer never paid in this country before"),
          new FeatureDefinition(
              "is_ecommerce", FLAG, TRANSACTION, "-", 0, "card-not-present online payment"));

  private static final List<FeatureDefinition> V2_ADDED =
      List.of(
          new FeatureDefinition(
              "txn_count_10m",
              NUMERIC,
              CUSTOMER,
              "10m",
              0,
              "customer's transactions in the 10 minutes before this one"),
          new FeatureDefinition(
              "txn_amount_10m",
              NUMERIC,
              CUSTOMER,
              "10m",
              0,
              "sum of the customer's amounts in the 10 minutes before this one"),
          new FeatureDefinition(
              "txn_max_10m",
              NUMERIC,
              CUSTOMER,
              "10m",
              0,
              "largest of the customer's amounts in the 10 minutes before this one, 0 if none"),
          new FeatureDefinition(
              "txn_max_1h",
              NUMERIC,
              CUSTOMER,
              "1h",
              0,
              "largest of the customer's amounts in the hour before this one, 0 if none"),
          new FeatureDefinition(
              "txn_max_24h",
              NUMERIC,
              CUSTOMER,
              "24h",
              0,
              "largest of the customer's amounts in the 24 hours before this one, 0 if none"),
          new FeatureDefinition(
              "txn_count_7d",
              NUMERIC,
              CUSTOMER,
              "7d",
              0,
              "customer's transactions in the 7 days before this one"),
          new FeatureDefinition(
              "txn_amount_7d",
              NUMERIC,
              CUSTOMER,
              "7d",
              0,
              "sum of the customer's amounts in the 7 days before this one"),
          new FeatureDefinition(
              "txn_max_7d",
              NUMERIC,
              CUSTOMER,
              "7d",
              0,
              "largest of the customer's amounts in the 7 days before this one, 0 if none"),
          new FeatureDefinition(
              "distinct_merchants_24h",
              NUMERIC,
              CUSTOMER,
              "24h",
              0,
              "distinct merchants the customer paid in the 24 hours before this one"),
          new FeatureDefinition(
              "distinct_countries_24h",
              NUMERIC,
              CUSTOMER,
              "24h",
              0,
              "distinct countries the customer paid in during the 24 hours before this one"),
          new FeatureDefinition(
              "amount_zscore_30d",
              NUMERIC,
              CUSTOMER,
              "30d",
              0,
              "(amount - mean) / standard deviation of the customer's payments since the start of the UTC "
                  + "day 30 days back, up to just before this one; standard deviation at least 1; "
                  + "0 with fewer than 3 such payments"),
          new FeatureDefinition(
              "hour_deviation_30d",
              NUMERIC,
              CUSTOMER,
              "30d",
              0,
              "hours (0-12) between this payment's time of day and the circular mean time of day of the "
                  + "customer's own payments over the same 30 days; 0 with fewer than 3 payments"),
          new FeatureDefinition(
              "merchant_txn_count_1h",
              NUMERIC,
              MERCHANT,
              "1h",
              0,
              "merchant's payments by any customer in the hour before this one"),
          new FeatureDefinition(
              "merchant_txn_count_24h",
              NUMERIC,
              MERCHANT,
              "24h",
              0,
              "merchant's payments by any customer in the 24 hours before this one"),
          new FeatureDefinition(
              "merchant_fraud_rate_90d",
              NUMERIC,
              MERCHANT,
              "90d",
              FeatureComputer.FRAUD_PRIOR,
              "smoothed fraud share of the merchant's labels known before this payment (last 90 days): "
                  + "(fraud + prior*m) / (labels + m), prior 0.1, m 10"),
          new FeatureDefinition(
              "category_fraud_rate_90d",
              NUMERIC,
              CATEGORY,
              "90d",
              FeatureComputer.FRAUD_PRIOR,
              "as merchant_fraud_rate_90d, over every merchant of the category"),
          new FeatureDefinition(
              "device_txn_count_24h",
              NUMERIC,
              DEVICE,
              "24h",
              0,
              "payments by any customer with this device in the 24 hours before this one; 0 without device"),
          new FeatureDefinition(
              "device_other_customers_24h",
              NUMERIC,
              DEVICE,
              "24h",
              0,
              "distinct other customers who paid with this device in the 24 hours before; 0 without device"),
          new FeatureDefinition(
              "first_time_device",
              FLAG,
              CUSTOMER,
              "-",
              0,
              "customer never paid with this device before; 0 without device"));

  private static final FeatureCatalogue V1 = new FeatureCatalogue("v1", V1_FEATURES);
  private static final FeatureCatalogue V2 =
      new FeatureCatalogue("v2", concat(V1_FEATURES, V2_ADDED));

  private final String version;
  private final List<FeatureDefinition> definitions;
  private final List<String> names;
  private final Map<String, Integer> indexByName = new HashMap<>();

  private FeatureCatalogue(String version, List<FeatureDefinition> definitions) {
    this.version = version;
    this.definitions = List.copyOf(definitions);
    this.names = this.definitions.stream().map(FeatureDefinition::name).toList();
    for (int i = 0; i < names.size(); i++) {
      if (indexByName.put(names.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate feature " + names.get(i));
      }
    }
  }

  /** The 16 features the v1 DMN table and models use; never changes. */
  public static FeatureCatalogue v1() {
    return V1;
  }

  /** v1's features in v1's order, then velocity, merchant, device, 30-day and label features. */
  public static FeatureCatalogue v2() {
    return V2;
  }

  /** The catalogue new models are trained on. */
  public static FeatureCatalogue current() {
    return V2;
  }

  private static List<FeatureDefinition> concat(
      List<FeatureDefinition> first, List<FeatureDefinition> second) {
    List<FeatureDefinition> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  public String version() {
    return version;
  }

  public List<FeatureDefinition> definitions() {
    return definitions;
  }

  public List<String> names() {
    return names;
  }

  public int size() {
    return definitions.size();
  }

  /** The column of a feature, or -1 when the catalogue has no such feature. */
  public int indexOf(String name) {
    Integer index = indexByName.get(name);
    return index == null ? -1 : index;
  }

  public FeatureDefinition definition(String name) {
    int index = indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          "feature catalogue " + version + " has no feature " + name);
    }
    return definitions.get(index);
  }

  @Override
  public String toString() {
    return "FeatureCatalogue " + version + " " + names;
  }
}
