package io.fraudops.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InferenceConfigJsonTest {

  private static InferenceConfig read(String json) {
    return InferenceConfigJson.read(json.getBytes(StandardCharsets.UTF_8), "test");
  }

  @Test
  void readsModelsRolesFallbackMappingAndThresholds() {
    InferenceConfig config =
        read(
            """
                {"models": [{"name": "fraud", "alias": "champion", "role": "decision"},
                            {"name": "fraud", "alias": "challenger", "role": "shadow"},
                            {"name": "fraud-v1-features", "version": 4, "role": "shadow"}],
                 "fallback": {"name": "fraud", "version": 2},
                 "features": {"amt": "amount"},
                 "thresholds": {"review": 0.4, "decline": 0.85}}
                """);

    assertThat(config.decision()).isEqualTo(ModelRef.alias("fraud", "champion"));
    assertThat(config.shadows())
        .containsExactly(
            ModelRef.alias("fraud", "challenger"), ModelRef.version("fraud-v1-features", 4));
    assertThat(config.fallback()).isEqualTo(ModelRef.version("fraud", 2));
    assertThat(config.source("amt")).isEqualTo("amount");
    assertThat(config.source("txn_count_1h")).isEqualTo("txn_count_1h");
    assertThat(config.thresholds()).isEqualTo(new Thresholds(0.4, 0.85));
    assertThat(InferenceConfigJson.read(InferenceConfigJson.write(config), "again"))
        .isEqualTo(config);
  }

  @Test
  void listsEveryProblemOfABadConfig() {
    assertThatThrownBy(
            () ->
                read(
                    """
                {"models": [{"name": "a", "alias": "champion", "role": "decision"},
                            {"name": "b", "alias": "champion", "role": "decision", "colour": "red"},
                            {"name": "c", "role": "shadow"}],
                 "fallback": {"name": "a", "alias": "previous"},
                 "thresholds": {"review": 0.9, "decline": 0.5},
                 "treshold": 1}
                """))
        .isInstanceOf(InvalidInferenceConfigException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInferenceConfigException) e).problems())
                    .contains(
                        "unknown field treshold (known: [fallback, features, models, thresholds])",
                        "unknown field models[1].colour (known: [alias, name, role, version])",
                        "models[2]: model c needs exactly one of 'alias' or 'version'",
                        "thresholds need 0 < review < decline <= 1, got review 0.9, decline 0.5"));
    assertThatThrownBy(
            () ->
                read(
                    """
                {"models": [{"name": "a", "alias": "champion", "role": "decision"},
                            {"name": "b", "alias": "champion", "role": "decision"}],
                 "fallback": {"name": "a", "alias": "previous"},
                 "thresholds": {"review": 0.5, "decline": 0.9}}
                """))
        .hasMessageContaining("exactly one model with role 'decision', found 2")
        .hasMessageContaining("fallback must be a pinned version");
  }

  @Test
  void saysWhereUnparseableJsonBreaks() {
    assertThatThrownBy(() -> read("{\"models\": [\n{\"name\": }"))
        .isInstanceOf(InvalidInferenceConfigException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("line 2");
  }

  @Test
  void namesMappingsToFeaturesTheCatalogueDoesNotHave() {
    InferenceConfig config =
        new InferenceConfig(
            List.of(new ModelSlot(ModelRef.alias("m", "champion"), ModelRole.DECISION)),
            null,
            Map.of("amt", "amount", "spd", "speed_kmh"),
            new Thresholds(0.5, 0.9));

    assertThat(config.unknownFeatures(Set.of("amount")))
        .containsExactly("features.spd maps to unknown feature 'speed_kmh'");
  }
}
