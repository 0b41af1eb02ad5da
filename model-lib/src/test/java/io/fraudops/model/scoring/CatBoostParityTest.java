package io.fraudops.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.SyntheticFraudData;
import io.fraudops.model.training.TrainedModel;
import io.fraudops.model.training.TrainingParams;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our trainer's predictions and catboost4j's on the JSON it wrote must agree, including at the
 * borders.
 */
class CatBoostParityTest {

  private static final double TOLERANCE = 1e-6;

  private static TrainedModel trained;
  private static CatBoostFraudModel served;
  private static List<double[]> rows;

  @BeforeAll
  static void trainAndLoad(@TempDir Path dir) throws Exception {
    trained =
        ObliviousTreeTrainer.fit(SyntheticFraudData.generate(3_000, 21), TrainingParams.defaults());
    Path file = dir.resolve("parity.json");
    trained.writeCatBoostJson(file);
    served = CatBoostFraudModel.load(file, "parity", "1");
    rows = Fixtures.rowsAroundBorders(SyntheticFraudData.generate(2_000, 22), trained);
  }

  @Test
  void rawScoresAndProbabilitiesAgree() {
    double maxRaw = 0;
    double maxProbability = 0;
    for (double[] row : rows) {
      maxRaw = Math.max(maxRaw, Math.abs(trained.predictRaw(row) - served.predictRaw(row)));
      maxProbability =
          Math.max(
              maxProbability,
              Math.abs(trained.predictProbability(row) - served.predictProbability(row)));
    }
    System.out.printf(
        "parity over %d rows: max |raw diff| %.3g, max |probability diff| %.3g%n",
        rows.size(), maxRaw, maxProbability);

    assertThat(maxRaw).isLessThanOrEqualTo(TOLERANCE);
    assertThat(maxProbability).isLessThanOrEqualTo(TOLERANCE);
  }

  @Test
  void batchScoringAgreesWithSingleRows() {
    double[][] batch = rows.toArray(double[][]::new);

    double[] probabilities = served.predictProbabilities(batch);

    for (int i = 0; i < batch.length; i++) {
      assertThat(probabilities[i])
          .isCloseTo(
              trained.predictProbability(batch[i]),
              org.assertj.core.api.Assertions.within(TOLERANCE));
    }
  }

  @Test
  void servedModelKeepsTheTrainingFeatureNames() {
    assertThat(served.info().featureNames()).containsExactly(SyntheticFraudData.FEATURES);
    assertThat(served.info().format()).isEqualTo(ModelFormat.JSON);
  }
}
