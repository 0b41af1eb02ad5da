package io.fraudops.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelMetadataTest {

    @Test
    void roundTripsThroughJsonKeepingFeatureOrder() {
        Map<String, Double> baselines = new LinkedHashMap<>();
        baselines.put("zeta", 1.5);
        baselines.put("alpha", -2.0);
        ModelMetadata meta = new ModelMetadata("m", "4", Instant.parse("2025-03-01T12:00:00Z"),
                Map.of("holdout_auc", 0.9), baselines, List.of("zeta", "alpha"));

        ModelMetadata read = ModelMetadata.read(meta.toJson(), "test");

        assertThat(read).isEqualTo(meta);
        assertThat(read.baselines().keySet()).containsExactly("zeta", "alpha");
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertThatThrownBy(() -> new ModelMetadata("m", "1", null, Map.of(), Map.of("f", Double.NaN), List.of()))
                .hasMessageContaining("baselines.f must be a finite number");
        assertThatThrownBy(() -> ModelMetadata.read("{\"name\":\"m\",\"version\":\"1\",\"metrics\":{\"auc\":\"high\"}}"
                .getBytes(), "x.meta.json")).isInstanceOf(ModelLoadException.class).hasMessageContaining("auc is not a number");
    }
}
