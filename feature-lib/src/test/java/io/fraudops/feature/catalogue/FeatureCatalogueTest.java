package io.fraudops.feature.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeatureCatalogueTest {

  private final FeatureCatalogue v1 = FeatureCatalogue.v1();

  @Test
  void v1HasTheAgreedFeaturesInTheAgreedOrder() {
    assertThat(v1.names())
        .containsExactly(
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
            "is_ecommerce");
    assertThat(v1.definitions()).extracting(FeatureDefinition::name).isEqualTo(v1.names());
    assertThat(v1.definition("txn_count_1h").window()).isEqualTo("1h");
    assertThat(v1.definition("is_night").type()).isEqualTo(FeatureType.FLAG);
  }

  @Test
  void indexOfGivesTheColumnOrMinusOne() {
    assertThat(v1.indexOf("amount")).isZero();
    assertThat(v1.indexOf("is_ecommerce")).isEqualTo(15);
    assertThat(v1.indexOf("no_such_feature")).isEqualTo(-1);
  }

  @Test
  void aVectorIsImmutableAndKeepsExactValuesInCatalogueOrder() {
    double[] values = new double[v1.size()];
    values[0] = 12.345678901;
    values[15] = 1;
    FeatureVector vector = new FeatureVector(v1, values);
    values[0] = 99;
    vector.values()[0] = 98;

    assertThat(vector.get("amount")).isEqualTo(12.345678901);
    assertThat(vector.get(15)).isEqualTo(1.0);
    assertThat(vector.toMap().keySet()).containsExactlyElementsOf(v1.names());
    assertThat(vector.toMap()).containsEntry("amount", 12.345678901);
    assertThatThrownBy(() -> vector.get("nope")).hasMessageContaining("no feature nope");
    assertThatThrownBy(() -> new FeatureVector(v1, new double[3]))
        .hasMessageContaining("16 features");
  }

  @Test
  void definitionsValidateThemselves() {
    assertThatThrownBy(
            () ->
                new FeatureDefinition(
                    "Amount", FeatureType.NUMERIC, FeatureEntity.TRANSACTION, "-", 0, "x"))
        .hasMessageContaining("snake_case");
    assertThatThrownBy(
            () ->
                new FeatureDefinition(
                    "flag", FeatureType.FLAG, FeatureEntity.CUSTOMER, "-", 0.5, "x"))
        .hasMessageContaining("0 or 1");
  }

  @Test
  void v2KeepsV1InOrderAndDeclaresEveryFeatureOnceWithAllFields() {
    FeatureCatalogue v2 = FeatureCatalogue.v2();

    assertThat(FeatureCatalogue.current()).isSameAs(v2);
    assertThat(v2.version()).isEqualTo("v2");
    assertThat(v2.names().subList(0, v1.size())).isEqualTo(v1.names());
    assertThat(v2.definitions().subList(0, v1.size())).isEqualTo(v1.definitions());
    assertThat(v2.names())
        .doesNotHaveDuplicates()
        .contains(
            "txn_count_10m",
            "txn_amount_10m",
            "txn_max_10m",
            "txn_max_1h",
            "txn_max_24h",
            "txn_count_7d",
            "txn_amount_7d",
            "txn_max_7d",
            "merchant_txn_count_1h",
            "merchant_txn_count_24h",
            "device_txn_count_24h",
            "device_other_customers_24h",
            "first_time_device",
            "distinct_merchants_24h",
            "distinct_countries_24h",
            "amount_zscore_30d",
            "hour_deviation_30d",
            "merchant_fraud_rate_90d",
            "category_fraud_rate_90d");
    assertThat(v2.size()).isEqualTo(35);
    for (FeatureDefinition definition : v2.definitions()) {
      assertThat(definition.type()).as(definition.name()).isNotNull();
      assertThat(definition.entity()).as(definition.name()).isNotNull();
      assertThat(definition.window()).as(definition.name()).matches("-|\\d+(m|h|d)");
      assertThat(definition.description()).as(definition.name()).isNotBlank();
      assertThat(definition.valueWhenMissing()).as(definition.name()).isFinite();
    }
    assertThat(v2.definition("txn_count_10m").window()).isEqualTo("10m");
    assertThat(v2.definition("merchant_txn_count_1h").entity()).isEqualTo(FeatureEntity.MERCHANT);
    assertThat(v2.definition("device_other_customers_24h").entity())
        .isEqualTo(FeatureEntity.DEVICE);
    assertThat(v2.definition("category_fraud_rate_90d").entity()).isEqualTo(FeatureEntity.CATEGORY);
    assertThat(v2.definition("merchant_fraud_rate_90d").valueWhenMissing()).isEqualTo(0.1);
  }

  @Test
  void everyFeatureOfEveryCatalogueHasAComputation() {
    // The computer refuses a catalogue with a feature it cannot compute.
    new FeatureComputer(FeatureCatalogue.v1());
    new FeatureComputer(FeatureCatalogue.v2());
  }
}
