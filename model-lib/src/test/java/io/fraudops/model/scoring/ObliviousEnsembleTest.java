package io.fraudops.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.SyntheticFraudData;
import io.fraudops.model.training.TrainedModel;
import io.fraudops.model.training.TrainingParams;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trees as we read them from CatBoost JSON must score exactly as catboost4j does. */
class ObliviousEnsembleTest {

  @TempDir Path dir;

  @Test
  void scoresAsCatboost4jOnHeldOutRowsBorderValuesAndMissingValues() throws Exception {
    TrainedModel trained =
        ObliviousTreeTrainer.fit(SyntheticFraudData.generate(3_000, 41), TrainingParams.defaults());
    byte[] json = json(trained);
    ObliviousEnsemble trees = ObliviousEnsemble.fromCatBoostJson(json);
    List<double[]> rows =
        Fixtures.rowsAroundBorders(SyntheticFraudData.generate(2_000, 42), trained);

    try (CatBoostFraudModel served =
        CatBoostFraudModel.load(json, "parity", ModelFormat.JSON, "p", "1", List.of())) {
      double worst = 0;
      for (double[] row : rows) {
        worst = Math.max(worst, Math.abs(trees.predictRaw(row) - served.predictRaw(row)));
      }
      System.out.printf("tree parity over %d rows: max |raw diff| %.3g%n", rows.size(), worst);
      assertThat(worst).isLessThanOrEqualTo(1e-9);
    }
    assertThat(trees.treeCount()).isEqualTo(200);
    assertThat(trees.maxDepth()).isEqualTo(6);
    assertThat(trees.featureCount()).isEqualTo(SyntheticFraudData.FEATURES.length);
    assertThat(trees.weightedTrees()).isEqualTo(200);
  }

  @Test
  void missingValuesFollowEachFeaturesNanTreatmentAsCatboost4jDoes() throws Exception {
    Path file =
        Fixtures.tinyVariant(
            dir,
            "as-true.json",
            json ->
                ((ObjectNode) json.at("/features_info/float_features/1"))
                    .put("nan_value_treatment", "AsTrue"));
    byte[] json = Files.readAllBytes(file);
    ObliviousEnsemble trees = ObliviousEnsemble.fromCatBoostJson(json);

    try (CatBoostFraudModel served = CatBoostFraudModel.load(file, "t", "1")) {
      for (double[] row :
          List.of(
              new double[] {800, Double.NaN, 0},
              new double[] {Double.NaN, Double.NaN, Double.NaN},
              new double[] {50, 1, Double.NaN})) {
        assertThat(trees.predictRaw(row)).isCloseTo(served.predictRaw(row), within(1e-12));
      }
    }
    // velocity_1h missing counts as high velocity now: tree 2's right leaf (1.0).
    assertThat(trees.predictRaw(new double[] {50, Double.NaN, 1}))
        .isCloseTo(-1.0 + 1.0 - 2.0, within(1e-12));
  }

  @Test
  void expectedRawWeighsLeavesByTheirTrainingRows() {
    ObliviousEnsemble weighted =
        ObliviousEnsemble.fromCatBoostJson(Fixtures.tinyJson().toString().getBytes());

    // tree 1: (-0.5*120 + 1.5*30 - 1.0*800 + 0.25*50) / 1000; tree 2: (-0.25*900 + 1.0*100) / 1000;
    // bias -2
    assertThat(weighted.expectedRaw()).isCloseTo(-0.8025 - 0.125 - 2.0, within(1e-12));
  }

  @Test
  void withoutLeafWeightsOrWithAllZeroWeightsLeavesCountAlike() {
    ObjectNode unweighted = Fixtures.tinyJson();
    unweighted.get("oblivious_trees").forEach(tree -> ((ObjectNode) tree).remove("leaf_weights"));
    ObjectNode zeroWeights = Fixtures.tinyJson();
    ((ObjectNode) zeroWeights.at("/oblivious_trees/0"))
        .putArray("leaf_weights")
        .add(0)
        .add(0)
        .add(0)
        .add(0);
    ((ObjectNode) zeroWeights.at("/oblivious_trees/1")).putArray("leaf_weights").add(0).add(0);

    double uniform = (-0.5 + 1.5 - 1.0 + 0.25) / 4 + (-0.25 + 1.0) / 2 - 2.0;
    assertThat(ObliviousEnsemble.fromCatBoostJson(unweighted.toString().getBytes()).weightedTrees())
        .isZero();
    assertThat(ObliviousEnsemble.fromCatBoostJson(unweighted.toString().getBytes()).expectedRaw())
        .isCloseTo(uniform, within(1e-12));
    assertThat(ObliviousEnsemble.fromCatBoostJson(zeroWeights.toString().getBytes()).expectedRaw())
        .isCloseTo(uniform, within(1e-12));
  }

  @Test
  void refusesWhatItCannotExplain() {
    ObjectNode oneHot = Fixtures.tinyJson();
    ((ObjectNode) oneHot.at("/oblivious_trees/1/splits/0")).put("split_type", "OneHotFeature");
    ObjectNode twoOutputs = Fixtures.tinyJson();
    ((ObjectNode) twoOutputs.at("/oblivious_trees/1"))
        .putArray("leaf_values")
        .add(1)
        .add(2)
        .add(3)
        .add(4);

    assertThatThrownBy(() -> ObliviousEnsemble.fromCatBoostJson(oneHot.toString().getBytes()))
        .hasMessageContaining("other than a float feature");
    assertThatThrownBy(() -> ObliviousEnsemble.fromCatBoostJson(twoOutputs.toString().getBytes()))
        .hasMessageContaining("one output per leaf");
    byte[] nonSymmetric = "{\"features_info\":{\"float_features\":[{}]},\"trees\":[]}".getBytes();
    assertThatThrownBy(() -> ObliviousEnsemble.fromCatBoostJson(nonSymmetric))
        .hasMessageContaining("non-symmetric");
    assertThatThrownBy(
            () ->
                ObliviousEnsemble.fromCatBoostJson(Fixtures.tinyJson().toString().getBytes())
                    .predictRaw(new double[2]))
        .hasMessageContaining("read 3 features");
  }

  static byte[] json(TrainedModel model) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.writeCatBoostJson(out);
    return out.toByteArray();
  }
}
