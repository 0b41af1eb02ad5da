package io.fraudops.model.scoring;

import static io.fraudops.model.scoring.CatBoostFraudModelTest.expectRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudops.model.scoring.ModelLoadException.Reason;
import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.ModelExport;
import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.SyntheticFraudData;
import io.fraudops.model.training.TrainedModel;
import io.fraudops.model.training.TrainingParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactTest {

  @TempDir Path dir;

  @Test
  void loadsFromTheClasspathWithTheSidecarsIdentity() {
    try (ModelArtifact artifact = ModelArtifact.load("classpath:" + Fixtures.TINY)) {
      assertThat(artifact.info().name()).isEqualTo("tiny-fraud");
      assertThat(artifact.info().version()).isEqualTo("7");
      assertThat(artifact.metadata().trainedAt()).isEqualTo(Instant.parse("2025-01-15T10:00:00Z"));
      assertThat(artifact.baselines()).containsExactly(45.0, 1.0, 1.0);
    }
    try (ModelArtifact artifact = ModelArtifact.load("classpath:/" + Fixtures.TINY, "2025.01.3")) {
      assertThat(artifact.info().version()).isEqualTo("2025.01.3");
    }
  }

  @Test
  void loadsWhatTheTrainerExports() throws Exception {
    Dataset train = SyntheticFraudData.generate(2_000, 31);
    TrainedModel trained =
        ObliviousTreeTrainer.fit(train, TrainingParams.defaults().withIterations(50));
    Path file = dir.resolve("models/card-fraud.json");
    Files.createDirectories(file.getParent());
    ModelExport.write(
        trained,
        ModelExport.metadata(
            trained,
            "card-fraud",
            "3",
            Instant.parse("2025-02-01T00:00:00Z"),
            train,
            SyntheticFraudData.generate(1_000, 32)),
        file);

    try (ModelArtifact artifact = ModelArtifact.load(file.toString())) {
      assertThat(artifact.info().name()).isEqualTo("card-fraud");
      assertThat(artifact.metadata().metrics())
          .containsKeys("train_auc", "holdout_auc", "holdout_logloss");
      assertThat(artifact.metadata().metrics().get("holdout_auc")).isGreaterThan(0.8);
      assertThat(artifact.baselines()).containsExactly(train.featureMedians());
      double[] row = train.row(0);
      assertThat(artifact.scorer().score(row).probability())
          .isCloseTo(trained.predictProbability(row), org.assertj.core.api.Assertions.within(1e-9));
    }
  }

  @Test
  void requiresAValidSidecar() throws Exception {
    Path model = Fixtures.tinyVariant(dir, "m.json", json -> {});
    expectRejected(
        () -> ModelArtifact.load(model.toString()), Reason.NOT_FOUND, "m.json.meta.json");

    Files.writeString(dir.resolve("m.json.meta.json"), "{\"name\":\"m\"}");
    expectRejected(
        () -> ModelArtifact.load(model.toString()), Reason.INVALID_METADATA, "name and version");

    Files.writeString(
        dir.resolve("m.json.meta.json"),
        "{\"name\":\"m\",\"version\":\"1\",\"trainedAt\":\"yesterday\"}");
    expectRejected(
        () -> ModelArtifact.load(model.toString()), Reason.INVALID_METADATA, "yesterday");
  }

  @Test
  void baselinesAreOptionalTreesNeedNoneAndAblationComparesWithAMissingValue() throws Exception {
    byte[] json = Files.readAllBytes(Fixtures.tinyVariant(dir, "b.json", j -> {}));
    ModelMetadata partial =
        new ModelMetadata("b", "1", null, Map.of(), Map.of("amount", 45.0), java.util.List.of());
    double[] row = {800, 5, 0};
    try (ModelArtifact trees = ModelArtifact.load(json, ModelFormat.JSON, partial, "b.json")) {
      assertThat(trees.explainer()).isInstanceOf(TreeContributionExplainer.class);
      assertThat(trees.baselines()).containsExactly(45.0, Double.NaN, Double.NaN);
      assertThat(trees.scorer().score(row).reasons()).isNotEmpty();

      AblationExplainer ablation = new AblationExplainer();
      double p = trees.model().predictProbability(row);
      java.util.List<ReasonCode> reasons =
          ablation.explain(trees.model(), row, p, trees.baselines(), 3);
      double[] velocityMissing = {800, Double.NaN, 0};
      assertThat(reasons)
          .filteredOn(r -> r.feature().equals("velocity_1h"))
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.contribution())
                      .isEqualTo(p - trees.model().predictProbability(velocityMissing)));
    }
  }

  @Test
  void sidecarNamesTheFeaturesOfAnUnnamedModel() throws Exception {
    Path model =
        Fixtures.tinyVariant(
            dir,
            "unnamed.json",
            json ->
                json.at("/features_info/float_features")
                    .forEach(
                        f ->
                            ((com.fasterxml.jackson.databind.node.ObjectNode) f)
                                .remove("feature_id")));
    ModelMetadata meta =
        new ModelMetadata(
            "u",
            "1",
            null,
            Map.of(),
            Map.of("a", 0.0, "b", 0.0, "c", 0.0),
            java.util.List.of("a", "b", "c"));
    Files.write(dir.resolve("unnamed.json.meta.json"), meta.toJson());

    try (ModelArtifact artifact = ModelArtifact.load(model.toString())) {
      assertThat(artifact.info().featureNames()).containsExactly("a", "b", "c");
    }
  }

  @Test
  void explainsJsonModelsByTheirTreesAndOthersByAblation() throws Exception {
    byte[] json = Files.readAllBytes(Fixtures.tinyVariant(dir, "t.json", j -> {}));
    ModelMetadata meta =
        ModelMetadata.read(
            getClass()
                .getClassLoader()
                .getResourceAsStream(Fixtures.TINY + ModelMetadata.SIDECAR_SUFFIX)
                .readAllBytes(),
            "tiny");
    // catboost4j ignores leaf weights when it predicts; our parser refuses negative ones.
    byte[] unreadableTrees =
        Files.readAllBytes(
            Fixtures.tinyVariant(
                dir,
                "neg.json",
                j ->
                    ((ObjectNode) j.at("/oblivious_trees/1"))
                        .putArray("leaf_weights")
                        .add(-1)
                        .add(1)));

    try (ModelArtifact trees = ModelArtifact.load(json, ModelFormat.JSON, meta, "t.json");
        ModelArtifact fallback =
            ModelArtifact.load(unreadableTrees, ModelFormat.JSON, meta, "neg.json")) {
      assertThat(trees.explainer()).isInstanceOf(TreeContributionExplainer.class);
      assertThat(fallback.explainer()).isInstanceOf(AblationExplainer.class);
      double[] row = {800, 5, 0};
      // The scorer explains with the artifact's explainer: the tree-path figure, not ablation's.
      assertThat(trees.scorer().score(row).reasons())
          .isEqualTo(trees.explainer().explain(trees.model(), row, 0, trees.baselines(), 3));
      assertThat(fallback.scorer().score(row).reasons())
          .isNotEqualTo(trees.scorer().score(row).reasons())
          .extracting(ReasonCode::feature)
          .contains("amount", "velocity_1h");
      assertThat(new ModelArtifact(trees.model(), meta, "wrapped").explainer())
          .isInstanceOf(AblationExplainer.class);
    }
  }

  @Test
  void missingClasspathResourcesAreNotFound() {
    expectRejected(
        () -> ModelArtifact.load("classpath:models/absent.json"),
        Reason.NOT_FOUND,
        "no such classpath resource");
  }
}
