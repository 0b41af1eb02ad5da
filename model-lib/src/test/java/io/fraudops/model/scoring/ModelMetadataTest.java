package io.fraudops.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.model.drift.Bins;
import io.fraudops.model.drift.DriftReference;
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
    ModelMetadata meta =
        new ModelMetadata(
            "m",
            "4",
            Instant.parse("2025-03-01T12:00:00Z"),
            Map.of("holdout_auc", 0.9),
            baselines,
            List.of("zeta", "alpha"));

    ModelMetadata read = ModelMetadata.read(meta.toJson(), "test");

    assertThat(read).isEqualTo(meta);
    assertThat(read.baselines().keySet()).containsExactly("zeta", "alpha");
  }

  @Test
  void keepsTrainingParamsAndDriftReferenceThroughJson() {
    DriftReference reference =
        new DriftReference(
            List.of(
                new Bins("amount", new double[] {10, 100}, new double[] {0.2, 0.5, 0.25, 0.05})),
            new Bins("score", new double[] {0.5}, new double[] {0.9, 0.1, 0.0}));
    ModelMetadata meta =
        new ModelMetadata(
            "m",
            "2",
            null,
            Map.of(),
            Map.of("amount", 50.0),
            List.of("amount"),
            Map.of("depth", "6", "train_until", "2025-02-01T00:00:00Z"),
            reference);

    ModelMetadata read = ModelMetadata.read(meta.withVersion("7").toJson(), "test");

    assertThat(read.version()).isEqualTo("7");
    assertThat(read.params()).isEqualTo(meta.params());
    assertThat(read.driftReference()).isEqualTo(reference);
    assertThat(read.driftReference().features().get(0).binOf(Double.NaN)).isEqualTo(3);
    assertThat(read.driftReference().features().get(0).binOf(100)).isEqualTo(1);
    assertThat(read.driftReference().features().get(0).binOf(100.5)).isEqualTo(2);
  }

  @Test
  void refusesBinsWhoseSharesDoNotAddUp() {
    assertThatThrownBy(
            () ->
                ModelMetadata.read(
                    ("{\"name\":\"m\",\"version\":\"1\",\"driftReference\":"
                            + "{\"features\":[],\"score\":{\"name\":\"score\",\"edges\":[0.5],\"shares\":[0.5,0.1,0]}}}")
                        .getBytes(),
                    "x.meta.json"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("add up to 1");
  }

  @Test
  void rejectsNonFiniteNumbers() {
    assertThatThrownBy(
            () -> new ModelMetadata("m", "1", null, Map.of(), Map.of("f", Double.NaN), List.of()))
        .hasMessageContaining("baselines.f must be a finite number");
    assertThatThrownBy(
            () ->
                ModelMetadata.read(
                    "{\"name\":\"m\",\"version\":\"1\",\"metrics\":{\"auc\":\"high\"}}".getBytes(),
                    "x.meta.json"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("auc is not a number");
  }
}
