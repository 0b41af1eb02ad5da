package io.fraudops.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelFormatTest {

  @Test
  void formatFollowsTheExtension() {
    assertThat(ModelFormat.fromFileName("fraud-v3.json")).isEqualTo(ModelFormat.JSON);
    assertThat(ModelFormat.fromFileName("FRAUD.CBM")).isEqualTo(ModelFormat.CBM);
    assertThat(ModelFormat.fromFileName("model.cb"))
        .as("MLflow's catboost flavour")
        .isEqualTo(ModelFormat.CBM);
    assertThat(ModelFormat.CBM.catboostName()).isEqualTo("bin");
    assertThatThrownBy(() -> ModelFormat.fromFileName("fraud.json.meta"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("expected .json, or .cbm");
  }
}
