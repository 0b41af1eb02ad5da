package io.fraudops.model.training;

import static io.fraudops.model.training.TrainingFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelMetadata;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {

  @Test
  void recordsSettingsPeriodsSourceAndHoldoutMetricsWithTheModel() {
    TrainingResult result =
        TrainingRun.run(
            TrainingFixtures.shuffledRows(3000, 11),
            TrainingFixtures.request(new SplitRule.Share(0.8)));
    ModelMetadata metadata = result.metadata();

    assertThat(metadata.params())
        .containsAllEntriesOf(
            Map.of(
                "iterations",
                "30",
                "depth",
                "4",
                "learning_rate",
                "0.2",
                "border_count",
                "32",
                "l2_leaf_reg",
                "3.0",
                "seed",
                "42",
                "subsample",
                "0.8",
                "threshold",
                "0.5",
                "train_share",
                "0.8"));
    assertThat(metadata.params())
        .containsAllEntriesOf(
            Map.of(
                "train_from",
                START.toString(),
                "train_until",
                START.plusSeconds(2399 * 60).toString(),
                "evaluate_from",
                START.plusSeconds(2400 * 60).toString(),
                "split_at",
                START.plusSeconds(2400 * 60).toString(),
                "evaluate_until",
                START.plusSeconds(2999 * 60).toString(),
                "train_rows",
                "2400",
                "evaluate_rows",
                "600",
                "source_file",
                "export.csv",
                "source_sha256",
                "ab".repeat(32)));
    assertThat(metadata.params().get("evaluate_fraud"))
        .isEqualTo(Integer.toString(result.split().evaluation().fraud()));

    Map<String, Double> m = metadata.metrics();
    assertThat(m)
        .containsKeys(
            "train_auc",
            "train_logloss",
            "holdout_auc",
            "holdout_logloss",
            "holdout_pr_auc",
            "holdout_precision",
            "holdout_recall",
            "holdout_f1",
            "holdout_rows",
            "holdout_positives");
    assertThat(m.get("holdout_auc"))
        .isGreaterThan(0.75)
        .isEqualTo(result.evaluation().summary().rocAuc());
    assertThat(
            m.get("holdout_tp") + m.get("holdout_fp") + m.get("holdout_tn") + m.get("holdout_fn"))
        .isEqualTo(600.0);
    assertThat(m.get("holdout_recall"))
        .isCloseTo(m.get("holdout_tp") / m.get("holdout_positives"), within(1e-12));
    assertThat(metadata.driftReference().features()).hasSize(SyntheticFraudData.FEATURES.length);
    assertThat(metadata.baselines()).containsOnlyKeys(SyntheticFraudData.FEATURES);
  }

  @Test
  void theWrittenModelLoadsWithItsMetadata(@TempDir Path dir) throws Exception {
    TrainingResult result =
        TrainingRun.run(
            TrainingFixtures.shuffledRows(2000, 12),
            TrainingFixtures.request(new SplitRule.At(START.plusSeconds(1500 * 60))));
    Path file = dir.resolve("card-fraud.json");

    ModelExport.write(result.model(), result.metadata(), file);

    try (ModelArtifact artifact = ModelArtifact.load(file.toString())) {
      assertThat(artifact.metadata().params()).isEqualTo(result.metadata().params());
      assertThat(artifact.metadata().driftReference()).isNotNull();
      assertThat(artifact.metadata().params())
          .doesNotContainKey("train_share")
          .containsEntry("split_at", START.plusSeconds(1500 * 60).toString())
          .containsEntry("train_rows", "1500");
    }
  }
}
