package io.fraudops.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.SyntheticFraudData;
import io.fraudops.model.training.TrainedModel;
import io.fraudops.model.training.TrainingParams;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AblationExplainerTest {

  private final AblationExplainer explainer = new AblationExplainer();

  /** raw = 2 x0 + 1 x1 - 3 x2: exact contributions can be computed by hand. */
  private static final FraudModel LINEAR =
      new FraudModel() {
        private final ModelInfo info =
            new ModelInfo("linear", "1", List.of("x0", "x1", "x2"), ModelFormat.JSON);

        @Override
        public ModelInfo info() {
          return info;
        }

        @Override
        public double predictRaw(double[] f) {
          return 2 * f[0] + f[1] - 3 * f[2];
        }

        @Override
        public void close() {}
      };

  @Test
  void contributionIsTheDropInProbabilityWhenAFeatureReturnsToItsBaseline() {
    double[] row = {1, 0.5, 1};
    double p = LINEAR.predictProbability(row);

    List<ReasonCode> reasons = explainer.explain(LINEAR, row, p, new double[] {0, 0, 0}, 3);

    // x2 lowers the score, so it is no reason; x0 pushes harder than x1.
    assertThat(reasons).extracting(ReasonCode::feature).containsExactly("x0", "x1");
    assertThat(reasons.get(0).contribution()).isCloseTo(p - Sigmoid.apply(0.5 - 3), within(1e-12));
    assertThat(reasons.get(1).contribution()).isCloseTo(p - Sigmoid.apply(2 - 3), within(1e-12));
    assertThat(reasons.get(0).value()).isEqualTo(1.0);
    assertThat(row).containsExactly(1, 0.5, 1); // the caller's row is untouched
  }

  @Test
  void featuresAtTheirBaselineAreSkippedAndTopNIsRespected() {
    double[] row = {1, 2, -1};

    List<ReasonCode> top1 =
        explainer.explain(LINEAR, row, LINEAR.predictProbability(row), new double[] {1, 0, 0}, 1);

    assertThat(top1).extracting(ReasonCode::feature).containsExactly("x2");
  }

  @Test
  void theDrivingFeatureIsTheTopReasonForAHighScore(@TempDir Path dir) throws Exception {
    Dataset data = SyntheticFraudData.oneDriver(3_000, 6, 4, 3);
    TrainedModel trained =
        ObliviousTreeTrainer.fit(data, TrainingParams.defaults().withIterations(80).withDepth(4));
    trained.writeCatBoostJson(dir.resolve("driver.json"));
    double[] baselines = data.featureMedians();

    try (CatBoostFraudModel model =
        CatBoostFraudModel.load(dir.resolve("driver.json"), "driver", "1")) {
      double[] row = {0.9, 0.1, 0.8, 0.3, 0.97, 0.6};
      double p = model.predictProbability(row);
      List<ReasonCode> reasons = explainer.explain(model, row, p, baselines, 3);

      assertThat(p).isGreaterThan(0.8);
      assertThat(reasons).isNotEmpty().hasSizeLessThanOrEqualTo(3);
      assertThat(reasons.getFirst().feature()).isEqualTo("f4");
      assertThat(reasons.getFirst().contribution()).isGreaterThan(0.3);
      assertThat(reasons)
          .extracting(ReasonCode::contribution)
          .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }
  }
}
