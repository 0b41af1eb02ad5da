package io.fraudops.cli.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.cli.RunFraud;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.local.s3.EmbeddedS3;
import io.fraudops.model.python.MlflowServer;
import io.fraudops.model.python.PythonEnvironment;
import io.fraudops.model.python.PythonScripts;
import io.fraudops.model.registry.MlflowModelRegistry;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.registry.ModelVersion;
import io.fraudops.model.registry.S3ModelRegistry;
import io.fraudops.model.scoring.AblationExplainer;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ReasonCode;
import io.fraudops.model.scoring.TreeContributionExplainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./fraud register} with models written by CatBoost itself, in Python (model-lib's {@code
 * catboost_interop.py}: a classifier on the catalogue's features saved as .cbm and as JSON), into a
 * real S3 registry and a real MLflow server; each is then served from the registry as the workers
 * load it, and explains a risky payment with reason codes. Models the workers could not serve are
 * refused before the registry is touched.
 */
class RegisterCommandTest {

  private static final String KEY = "register-test";
  private static final String SECRET = "register-test-secret";
  private static final String BUCKET = "models";
  private static final double SAME = 1e-6;

  @TempDir static Path python;
  private static EmbeddedS3 s3;
  private static List<String> header;
  private static List<double[]> rows;
  private static double[] pythonProbability;
  private static int riskiest;

  @TempDir Path dir;

  @BeforeAll
  static void writeModelsWithPythonCatBoostAndStartTheRegistry() throws IOException {
    PythonEnvironment env = PythonEnvironment.get();
    env.run(
        Duration.ofMinutes(5),
        PythonScripts.copy("catboost_interop.py", python).toString(),
        python.toString());
    env.run(
        Duration.ofMinutes(5),
        PythonScripts.copy("unservable_models.py", python).toString(),
        python.toString());
    List<String> lines = Files.readAllLines(python.resolve("rows.csv"));
    header = List.of(lines.getFirst().split(","));
    rows = lines.subList(1, lines.size()).stream().map(RegisterCommandTest::numbers).toList();
    pythonProbability =
        Files.readAllLines(python.resolve("python.csv")).stream()
            .skip(1)
            .mapToDouble(l -> numbers(l)[1])
            .toArray();
    for (int i = 1; i < pythonProbability.length; i++) {
      riskiest = pythonProbability[i] > pythonProbability[riskiest] ? i : riskiest;
    }
    assertThat(pythonProbability[riskiest]).as("a payment the model flags").isGreaterThan(0.5);
    s3 = EmbeddedS3.start(KEY, SECRET, 0);
    s3.createVersionedBucket(BUCKET);
  }

  @AfterAll
  static void stopRegistry() {
    s3.close();
  }

  @Test
  void aCbmFromPythonGetsBaselinesAndDriftFromTheReferenceAndServesWithAblationReasons()
      throws IOException {
    Path model = Files.copy(python.resolve("model.cbm"), dir.resolve("fraud-cbm.cbm"));
    Path reference = reference(400);

    RunFraud.Result result =
        register("--model=" + model, "--reference=" + reference, "--alias=champion");

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(result.out())
        .contains(
            "CatBoost CBM, 35 features, all in the feature catalogue",
            "reference " + reference + ": 400 rows: baselines for 35 features",
            "reason codes: ablation, each feature set to its baseline",
            "registered fraud-cbm version 1 in the S3 registry",
            "fraud-cbm@champion -> version 1");
    ModelRegistry registry = s3Registry();
    ModelVersion champion = registry.resolve("fraud-cbm", "champion").orElseThrow();
    try (ModelArtifact served = registry.download(champion)) {
      assertThat(served.info().featureNames()).isEqualTo(header);
      assertThat(served.explainer()).isInstanceOf(AblationExplainer.class);
      assertThat(Arrays.stream(served.baselines()).filter(Double::isNaN))
          .as("a median for every feature")
          .isEmpty();
      assertThat(served.metadata().baselines().get("amount"))
          .isEqualTo(median(header.indexOf("amount"), 400));
      assertThat(served.metadata().driftReference()).isNotNull();
      assertThat(served.metadata().params())
          .containsEntry("registered_file", "fraud-cbm.cbm")
          .containsEntry("reference_rows", "400")
          .containsKeys("registered_sha256", "reference_sha256");
      assertServesWithReasons(served);
    }
  }

  @Test
  void aJsonFromPythonWithoutSidecarOrReferenceServesWithTreeReasonsAndNoBaseline()
      throws IOException {
    Path model = Files.copy(python.resolve("model.json"), dir.resolve("python-json.json"));

    RunFraud.Result result = register("--model=" + model);

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(result.out())
        .as("named after the file")
        .contains(
            "sidecar: none beside the model",
            "reason codes: from the model's trees",
            "drift: no reference",
            "registered python-json version 1");
    ModelRegistry registry = s3Registry();
    try (ModelArtifact served = registry.download(registry.versions("python-json").getLast())) {
      assertThat(served.metadata().baselines()).isEmpty();
      assertThat(served.explainer()).isInstanceOf(TreeContributionExplainer.class);
      assertServesWithReasons(served);
    }
  }

  @Test
  void aModelWithAFeatureTheCatalogueLacksIsRefusedAndNothingIsRegistered() {
    RunFraud.Result result = register("--model=" + python.resolve("shoe-size.json"));

    assertThat(result.exit()).as(result.all()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "the model's features [shoe_size] are not in the feature catalogue (version "
                + FeatureCatalogue.current().version()
                + "), so the workers could not serve a model using them")
        .doesNotContain("\tat io.fraudops");
    assertThat(s3Registry().versions("shoe-size")).isEmpty();
  }

  @Test
  void aModelThatDoesNotNameItsFeaturesIsRefused() {
    RunFraud.Result result = register("--model=" + python.resolve("unnamed.cbm"), "--name=unnamed");

    assertThat(result.exit()).as(result.all()).isEqualTo(2);
    assertThat(result.err())
        .contains("rejected (FEATURE_MISMATCH): the model has no feature names");
    assertThat(s3Registry().versions("unnamed")).isEmpty();
  }

  @Test
  void aReferenceWithoutTheModelsColumnsOrAFileThatIsNoModelIsRefused() throws IOException {
    Path thin = Files.writeString(dir.resolve("thin.csv"), "amount,label,timestamp\n12.5,0,1000\n");
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a model");

    RunFraud.Result noColumns =
        register("--model=" + python.resolve("model.json"), "--name=thin", "--reference=" + thin);
    RunFraud.Result noModel = register("--model=" + text);
    RunFraud.Result missing = register("--model=" + dir.resolve("gone.cbm"));

    assertThat(noColumns.exit()).isEqualTo(2);
    assertThat(noColumns.err()).contains(thin + " lacks columns the model needs: [txn_count_1h");
    assertThat(noModel.exit()).isEqualTo(2);
    assertThat(noModel.err()).contains("unknown model file extension; expected .json, or .cbm");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such model file");
    assertThat(s3Registry().versions("thin")).isEmpty();
  }

  @Test
  void registersInMlflowThroughItsArtifactProxyWithNothingButTheUrl() throws IOException {
    Path model = Files.copy(python.resolve("model.json"), dir.resolve("fraud-mlflow.json"));
    try (MlflowServer mlflow = MlflowServer.start(Files.createDirectories(dir.resolve("mlflow")))) {
      RunFraud.Result result =
          RunFraud.run(
              "register",
              "--model=" + model,
              "--alias=challenger",
              "--reference=" + reference(200),
              "--fraud.model.registry.mlflow-url=" + mlflow.uri());

      assertThat(result.exit()).as(result.all()).isZero();
      assertThat(result.out())
          .contains("files through its artifact proxy", "fraud-mlflow@challenger -> version 1");
      MlflowModelRegistry registry = new MlflowModelRegistry(mlflow.uri(), null);
      try (ModelArtifact served =
          registry.download(registry.resolve("fraud-mlflow", "challenger").orElseThrow())) {
        assertThat(served.explainer()).isInstanceOf(TreeContributionExplainer.class);
        assertThat(served.metadata().driftReference()).isNotNull();
        assertServesWithReasons(served);
      }
    }
  }

  /**
   * Python's score for every row, and the flagged payment explained by features that raise its
   * score.
   */
  private static void assertServesWithReasons(ModelArtifact served) {
    double[] scores = served.model().predictProbabilities(rows.toArray(double[][]::new));
    for (int i = 0; i < scores.length; i++) {
      assertThat(scores[i]).as("row %d", i).isCloseTo(pythonProbability[i], within(SAME));
    }
    List<ReasonCode> reasons = served.scorer().score(rows.get(riskiest)).reasons();
    assertThat(reasons).isNotEmpty().allSatisfy(r -> assertThat(r.contribution()).isPositive());
    assertThat(header).containsAll(reasons.stream().map(ReasonCode::feature).toList());
  }

  /**
   * The first {@code n} held-out rows in the training-set schema: the features, then label and
   * timestamp.
   */
  private Path reference(int n) throws IOException {
    List<String> lines = Files.readAllLines(python.resolve("rows.csv"));
    List<String> out = new ArrayList<>();
    out.add(lines.getFirst() + ",label,timestamp");
    for (int i = 1; i <= n; i++) {
      out.add(
          lines.get(i)
              + ","
              + (pythonProbability[i - 1] > 0.5 ? 1 : 0)
              + ","
              + (1_700_000_000_000L + i));
    }
    return Files.write(dir.resolve("reference-" + n + ".csv"), out);
  }

  private static double median(int feature, int n) {
    double[] values =
        rows.subList(0, n).stream()
            .mapToDouble(r -> r[feature])
            .filter(v -> !Double.isNaN(v))
            .sorted()
            .toArray();
    int m = values.length;
    return m % 2 == 1 ? values[m / 2] : (values[m / 2 - 1] + values[m / 2]) / 2;
  }

  private static RunFraud.Result register(String... args) {
    String[] registry = {
      "--fraud.model.registry.endpoint=" + s3.endpoint(),
          "--fraud.model.registry.access-key=" + KEY,
      "--fraud.model.registry.secret-key=" + SECRET, "--fraud.model.registry.bucket=" + BUCKET
    };
    return RunFraud.run(
        Stream.of(new String[] {"register"}, args, registry)
            .flatMap(Stream::of)
            .toArray(String[]::new));
  }

  private static ModelRegistry s3Registry() {
    return new S3ModelRegistry(s3.client(), BUCKET, "");
  }

  /** A CSV line of numbers; an empty cell is missing. */
  private static double[] numbers(String line) {
    return Arrays.stream(line.split(",", -1))
        .mapToDouble(c -> c.isEmpty() ? Double.NaN : Double.parseDouble(c))
        .toArray();
  }
}
