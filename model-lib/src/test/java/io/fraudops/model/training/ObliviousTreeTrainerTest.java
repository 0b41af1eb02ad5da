package io.fraudops.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.model.training.evaluation.Evaluation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ObliviousTreeTrainerTest {

  private static final Dataset TRAIN = SyntheticFraudData.generate(4_000, 11);
  private static final Dataset HOLDOUT = SyntheticFraudData.generate(2_000, 12);

  @Test
  void learnsAHeldOutSignal() {
    TrainedModel model = ObliviousTreeTrainer.fit(TRAIN, TrainingParams.defaults());

    Evaluation holdout = model.evaluate(HOLDOUT);
    double baseRate = (double) holdout.positives() / holdout.rows();
    double baseRateLogLoss =
        -(baseRate * Math.log(baseRate) + (1 - baseRate) * Math.log(1 - baseRate));
    assertThat(holdout.rocAuc()).isGreaterThan(0.8);
    assertThat(holdout.logLoss()).isLessThan(baseRateLogLoss * 0.85);
    assertThat(model.trees())
        .hasSize(200)
        .allSatisfy(tree -> assertThat(tree.depth()).isEqualTo(6));
  }

  @Test
  void aSingleTreeOfDepthOneSplitsOnTheDrivingFeature() {
    Dataset data = SyntheticFraudData.oneDriver(2_000, 5, 3, 1);

    TrainedModel model = ObliviousTreeTrainer.fit(data, new TrainingParams(1, 1, 1.0, 16, 0, 1));

    assertThat(model.trees().getFirst().features()).containsExactly(3);
  }

  @Test
  void leafWeightsCountTheTrainingRowsInEachLeaf() {
    TrainedModel model =
        ObliviousTreeTrainer.fit(TRAIN, new TrainingParams(5, 3, 0.1, 32, 3.0, 42L));

    for (ObliviousTree tree : model.trees()) {
      double[] counted = new double[1 << tree.depth()];
      for (int i = 0; i < TRAIN.size(); i++) {
        counted[tree.leafIndex(TRAIN.row(i))]++;
      }
      assertThat(tree.leafWeights()).containsExactly(counted);
    }
  }

  @Test
  void withSubsamplingLeafWeightsCountOnlyTheSampledRows() {
    TrainedModel model =
        ObliviousTreeTrainer.fit(TRAIN, TrainingParams.defaults().withIterations(5));

    for (ObliviousTree tree : model.trees()) {
      double rows = Arrays.stream(tree.leafWeights()).sum();
      // A Bernoulli(0.8) sample of 4,000 rows: far from all of them, far from none.
      assertThat(rows).isBetween(0.75 * TRAIN.size(), 0.85 * TRAIN.size());
    }
  }

  @Test
  void sameSeedGivesTheSameBytesAndAnotherSeedAnotherModel() throws IOException {
    TrainingParams params = TrainingParams.defaults().withIterations(40);

    byte[] first = json(ObliviousTreeTrainer.fit(TRAIN, params));
    byte[] second = json(ObliviousTreeTrainer.fit(TRAIN, params));
    byte[] otherSeed = json(ObliviousTreeTrainer.fit(TRAIN, params.withSeed(7)));

    assertThat(second).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void featuresWithoutBordersStillCountAsInputs() {
    double[][] rows = new double[200][];
    int[] labels = new int[200];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {5.0, i % 2, Double.NaN};
      labels[i] = i % 2;
    }

    TrainedModel model =
        ObliviousTreeTrainer.fit(
            new Dataset(new String[] {"constant", "x", "missing"}, rows, labels),
            TrainingParams.defaults().withIterations(5));

    assertThat(model.featureNames()).containsExactly("constant", "x", "missing");
    assertThat(model.borders(0)).isEmpty();
    assertThat(model.hasNans(2)).isTrue();
    assertThat(model.predictProbability(new double[] {5, 1, Double.NaN}))
        .isGreaterThan(model.predictProbability(new double[] {5, 0, Double.NaN}));
  }

  private static byte[] json(TrainedModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.writeCatBoostJson(out);
    return out.toByteArray();
  }
}
