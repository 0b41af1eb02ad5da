package io.fraudops.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainedModelTest {

  // Feature "b" has no borders; the tree splits first on c (> 7) then on a (> 2).
  private static final TrainedModel MODEL =
      new TrainedModel(
          List.of("a", "b", "c"),
          new float[][] {{1f, 2f}, {}, {7f}},
          new boolean[] {false, false, true},
          List.of(
              new ObliviousTree(
                  new int[] {2, 0}, new float[] {7f, 2f}, new double[] {0.1, 0.2, 0.3, 0.4})),
          -1.0,
          TrainingParams.defaults());

  @Test
  void firstSplitIsTheLowestLeafBit() {
    assertThat(MODEL.predictRaw(new double[] {0, 0, 0})).isEqualTo(0.1 - 1.0);
    assertThat(MODEL.predictRaw(new double[] {0, 0, 8})).isEqualTo(0.2 - 1.0);
    assertThat(MODEL.predictRaw(new double[] {3, 0, 0})).isEqualTo(0.3 - 1.0);
    assertThat(MODEL.predictRaw(new double[] {3, 0, 8})).isEqualTo(0.4 - 1.0);
    assertThat(MODEL.predictRaw(new double[] {Double.NaN, 0, Double.NaN})).isEqualTo(0.1 - 1.0);
  }

  @Test
  void writesCatBoostJsonWithEveryFeatureAndGlobalSplitIndexes() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MODEL.writeCatBoostJson(out);
    JsonNode json = new ObjectMapper().readTree(out.toByteArray());

    JsonNode features = json.at("/features_info/float_features");
    assertThat(features).hasSize(3);
    assertThat(features.get(1).path("feature_id").asText()).isEqualTo("b");
    assertThat(features.get(1).path("borders")).isEmpty();
    assertThat(features.get(2).path("has_nans").asBoolean()).isTrue();
    assertThat(features.get(2).path("nan_value_treatment").asText()).isEqualTo("AsIs");
    JsonNode splits = json.at("/oblivious_trees/0/splits");
    // Borders are numbered through all features: a has 0..1, b none, c has 2.
    assertThat(splits.get(0).path("split_index").asInt()).isEqualTo(2);
    assertThat(splits.get(1).path("split_index").asInt()).isEqualTo(1);
    assertThat(json.at("/oblivious_trees/0/leaf_values")).hasSize(4);
    assertThat(json.at("/scale_and_bias/1/0").asDouble()).isEqualTo(-1.0);
    assertThat(json.at("/model_info/params/flat_params/loss_function").asText())
        .isEqualTo("Logloss");
  }

  @Test
  void writesLeafWeightsBesideLeafValuesOnlyWhenTheTreeKnowsThem() throws Exception {
    ObliviousTree weighted =
        new ObliviousTree(
            new int[] {0}, new float[] {1f}, new double[] {-0.5, 0.5}, new double[] {30, 10});
    TrainedModel model =
        new TrainedModel(
            List.of("a", "b", "c"),
            new float[][] {{1f, 2f}, {}, {7f}},
            new boolean[3],
            List.of(weighted, MODEL.trees().getFirst()),
            0,
            TrainingParams.defaults());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.writeCatBoostJson(out);
    JsonNode json = new ObjectMapper().readTree(out.toByteArray());

    assertThat(json.at("/oblivious_trees/0/leaf_weights"))
        .extracting(JsonNode::asDouble)
        .containsExactly(30.0, 10.0);
    assertThat(json.at("/oblivious_trees/1/leaf_weights").isMissingNode()).isTrue();
    assertThatThrownBy(
            () ->
                new ObliviousTree(
                    new int[] {0}, new float[] {1f}, new double[] {0, 1}, new double[] {1, -1}))
        .hasMessageContaining(">= 0");
  }

  @Test
  void refusesSplitsOnBordersTheModelDoesNotHave() {
    ObliviousTree tree = new ObliviousTree(new int[] {0}, new float[] {1.5f}, new double[] {0, 1});

    assertThatThrownBy(
            () ->
                new TrainedModel(
                    List.of("a"),
                    new float[][] {{1f}},
                    new boolean[1],
                    List.of(tree),
                    0,
                    TrainingParams.defaults()))
        .hasMessageContaining("not a border of feature a");
  }

  @Test
  void treesNeedTwoToTheDepthLeaves() {
    assertThatThrownBy(
            () -> new ObliviousTree(new int[] {0}, new float[] {1f}, new double[] {0, 1, 2}))
        .hasMessageContaining("needs 2 leaf values");
  }
}
