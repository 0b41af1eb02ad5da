package io.fraudops.feature.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureCatalogueTest {

    private final FeatureCatalogue v1 = FeatureCatalogue.v1();

    @Test
    void v1HasTheAgreedFeaturesInTheAgreedOrder() {
        assertThat(v1.names()).containsExactly("amount", "txn_count_1h", "txn_amount_1h", "txn_count_24h",
                "txn_amount_24h", "amount_to_avg_ratio", "hour_of_day", "is_night", "distance_from_home_km",
                "distance_from_last_km", "seconds_since_last", "speed_from_last_kmh", "first_time_merchant",
                "first_time_category", "first_time_country", "is_ecommerce");
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
        assertThatThrownBy(() -> new FeatureVector(v1, new double[3])).hasMessageContaining("16 features");
    }

    @Test
    void definitionsValidateThemselves() {
        assertThatThrownBy(() -> new FeatureDefinition("Amount", FeatureType.NUMERIC, FeatureEntity.TRANSACTION, "-", 0, "x"))
                .hasMessageContaining("snake_case");
        assertThatThrownBy(() -> new FeatureDefinition("flag", FeatureType.FLAG, FeatureEntity.CUSTOMER, "-", 0.5, "x"))
                .hasMessageContaining("0 or 1");
    }
}
