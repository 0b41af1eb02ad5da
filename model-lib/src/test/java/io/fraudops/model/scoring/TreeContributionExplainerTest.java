package io.fraudops.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.SyntheticFraudData;
import io.fraudops.model.training.TrainedModel;
import io.fraudops.model.training.TrainingParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TreeContributionExplainerTest {

  private static Dataset training;
  private static TrainedModel trained;
  private static CatBoostFraudModel model;
  private static TreeContributionExplainer explainer;
  private static List<double[]> rows;

  @BeforeAll
  static void train() throws Exception {
    training = SyntheticFraudData.generate(3_000, 21);
    trained = ObliviousTreeTrainer.fit(training, TrainingParams.defaults());
    byte[] json = ObliviousEnsembleTest.json(trained);
    model =
        CatBoostFraudModel.load(json, "synthetic", ModelFormat.JSON, "synthetic", "1", List.of());
    explainer = new TreeContributionExplainer(ObliviousEnsemble.fromCatBoostJson(json));
    rows = Fixtures.rowsAroundBorders(SyntheticFraudData.generate(4_000, 22), trained);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void contributionsAddUpToTheRawScoreMinusTheExpectedRawScore() {
    ObliviousEnsemble trees = explainer.ensemble();
    double[] contributions = new double[trees.featureCount()];
    double worst = 0;
    for (double[] row : rows) {
      double raw = trees.contributions(row, contributions);
      assertThat(raw).isEqualTo(trees.predictRaw(row));
      worst =
          Math.max(
              worst, Math.abs(Arrays.stream(contributions).sum() - (raw - trees.expectedRaw())));
    }
    assertThat(worst).isLessThanOrEqualTo(1e-9);
  }

  @Test
  void probabilityPointsScaleEveryContributionByTheSameFactor() {
    ObliviousEnsemble trees = explainer.ensemble();
    double p0 = Sigmoid.apply(trees.expectedRaw());
    double[] raw = new double[trees.featureCount()];
    for (double[] row : rows.subList(0, 500)) {
      double score = trees.contributions(row, raw);
      double factor = (Sigmoid.apply(score) - p0) / (score - trees.expectedRaw());

      List<ReasonCode> all =
          explainer.explain(model, row, model.predictProbability(row), new double[0], 99);

      double[] positive = Arrays.stream(raw).filter(c -> c * factor > 0).toArray();
      assertThat(all).hasSize(positive.length);
      for (ReasonCode reason : all) {
        int f = model.info().featureNames().indexOf(reason.feature());
        assertThat(reason.contribution()).isCloseTo(raw[f] * factor, within(1e-15));
        assertThat(reason.value()).isEqualTo(Double.valueOf(row[f])); // boxed: NaN equals NaN
      }
      assertThat(all)
          .extracting(ReasonCode::contribution)
          .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }
  }

  @Test
  void handComputedPathsOfTheTinyModel() {
    try (ModelArtifact tiny = ModelArtifact.load("classpath:" + Fixtures.TINY)) {
      double[] row = {800, 5, 0};
      double p = tiny.model().predictProbability(row);
      double raw0 = -0.8025 - 0.125 - 2.0;
      double factor = (p - Sigmoid.apply(raw0)) / (0.5 - raw0);

      List<ReasonCode> reasons =
          tiny.explainer().explain(tiny.model(), row, p, tiny.baselines(), 3);

      // tree 1: mean -0.8025; amount > 500 -> mean of leaves 1, 3 by weight (45 + 12.5) / 80 =
      // 0.71875;
      // card_present <= 0.5 -> leaf 1 = 1.5. tree 2: mean -0.125; velocity > 3.5 -> leaf 1 = 1.0.
      assertThat(reasons)
          .extracting(ReasonCode::feature)
          .containsExactly("amount", "velocity_1h", "card_present");
      assertThat(reasons.get(0).contribution())
          .isCloseTo((0.71875 + 0.8025) * factor, within(1e-12));
      assertThat(reasons.get(1).contribution()).isCloseTo(1.125 * factor, within(1e-12));
      assertThat(reasons.get(2).contribution()).isCloseTo((1.5 - 0.71875) * factor, within(1e-12));
      assertThat(reasons.get(0).value()).isEqualTo(800.0);
      assertThat(tiny.explainer().explain(tiny.model(), row, p, tiny.baselines(), 1)).hasSize(1);
      assertThat(tiny.explainer().explain(tiny.model(), row, p, tiny.baselines(), 0)).isEmpty();
    }
  }

  @Test
  void theDrivingFeatureIsTheTopReasonOfEveryHighScore() throws Exception {
    Dataset data = SyntheticFraudData.oneDriver(3_000, 6, 4, 3);
    byte[] json =
        ObliviousEnsembleTest.json(
            ObliviousTreeTrainer.fit(
                data, TrainingParams.defaults().withIterations(80).withDepth(4)));
    TreeContributionExplainer driver =
        new TreeContributionExplainer(ObliviousEnsemble.fromCatBoostJson(json));
    Dataset fresh = SyntheticFraudData.oneDriver(2_000, 6, 4, 9);

    int high = 0;
    try (CatBoostFraudModel m =
        CatBoostFraudModel.load(json, "d", ModelFormat.JSON, "d", "1", List.of())) {
      for (int i = 0; i < fresh.size(); i++) {
        double[] row = fresh.row(i);
        double p = m.predictProbability(row);
        // A high score, not one near 0.5 that noise splits can tip over: there f4 sits mid-range.
        if (p > 0.8) {
          high++;
          List<ReasonCode> reasons = driver.explain(m, row, p, new double[0], 3);
          assertThat(reasons.getFirst().feature())
              .as("row %s", Arrays.toString(row))
              .isEqualTo("f4");
          assertThat(reasons.getFirst().contribution()).isGreaterThan(0.2);
        }
      }
    }
    assertThat(high).isGreaterThan(200);
  }

  @Test
  void usuallyAgreesWithAblationOnTheTopReasonOfAHighScore() {
    AblationExplainer ablation = new AblationExplainer();
    double[] medians = training.featureMedians();
    int high = 0;
    int agree = 0;
    int inTop3 = 0;
    for (double[] row : rows) {
      double p = model.predictProbability(row);
      if (p < 0.5) {
        continue;
      }
      high++;
      List<ReasonCode> byTrees = explainer.explain(model, row, p, medians, 1);
      List<String> byAblation =
          ablation.explain(model, row, p, medians, 3).stream().map(ReasonCode::feature).toList();
      if (!byTrees.isEmpty() && !byAblation.isEmpty()) {
        agree += byTrees.getFirst().feature().equals(byAblation.getFirst()) ? 1 : 0;
        inTop3 += byAblation.contains(byTrees.getFirst().feature()) ? 1 : 0;
      }
    }
    System.out.printf(
        "top reason agreement with ablation: %d of %d rows with p >= 0.5 (%.1f %%), "
            + "among ablation's top 3: %d (%.1f %%)%n",
        agree, high, 100.0 * agree / high, inTop3, 100.0 * inTop3 / high);
    assertThat(high).isGreaterThan(100);
    assertThat((double) agree / high).isGreaterThan(0.7);
    assertThat((double) inTop3 / high).isGreaterThan(0.9);
  }

  @Test
  void threadsExplainingAtOnceGetWhatOneThreadGets() throws Exception {
    List<double[]> sample = rows.subList(0, 2_000);
    List<List<ReasonCode>> expected = new ArrayList<>();
    for (double[] row : sample) {
      expected.add(explainer.explain(model, row, 0.5, new double[0], 3));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 500;
        runs.add(
            pool.submit(
                () -> {
                  for (int k = 0; k < sample.size(); k++) {
                    int i = (k + offset) % sample.size();
                    if (!explainer
                        .explain(model, sample.get(i), 0.5, new double[0], 3)
                        .equals(expected.get(i))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> run : runs) {
        assertThat(run.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
