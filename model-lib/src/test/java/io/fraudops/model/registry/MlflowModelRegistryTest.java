package io.fraudops.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudops.model.python.MlflowServer;
import io.fraudops.model.python.PythonEnvironment;
import io.fraudops.model.python.PythonScripts;
import io.fraudops.model.scoring.AblationExplainer;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelLoadException;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.model.scoring.TreeContributionExplainer;
import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.ModelExport;
import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.SyntheticFraudData;
import io.fraudops.model.training.TrainedModel;
import io.fraudops.model.training.TrainingParams;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MlflowModelRegistry} against a real MLflow 2.x tracking server, pip-installed and started
 * by the test ({@link MlflowServer}: sqlite backend, artifacts on disk behind its artifact proxy),
 * configured with nothing but its URL, as a service would be.
 */
class MlflowModelRegistryTest {

  private static final Duration PYTHON = Duration.ofMinutes(5);

  @TempDir static Path dir;
  private static MlflowServer server;
  private static MlflowRestClient rest;
  private static PythonEnvironment python;
  private static Dataset train;
  private static byte[] trainedJson;
  private static ModelMetadata trainedMetadata;

  private MlflowModelRegistry registry;
  private String name;

  @BeforeAll
  static void startMlflow() throws IOException {
    python = PythonEnvironment.get();
    Files.createDirectories(dir.resolve("server"));
    server = MlflowServer.start(dir.resolve("server"));
    rest = new MlflowRestClient(server.uri(), HttpClient.newHttpClient(), null);
    // What ./fraud train registers: a model of our own trainer, in CatBoost's JSON format.
    train = SyntheticFraudData.generate(2_000, 41);
    TrainedModel model =
        ObliviousTreeTrainer.fit(train, TrainingParams.defaults().withIterations(30));
    Path file = dir.resolve("trained.json");
    ModelExport.write(
        model,
        ModelExport.metadata(model, "x", "1", Instant.parse("2025-02-01T00:00:00Z"), train, null),
        file);
    trainedJson = Files.readAllBytes(file);
    trainedMetadata =
        ModelMetadata.read(Files.readAllBytes(Path.of(file + ModelMetadata.SIDECAR_SUFFIX)), "x");
    for (String script :
        List.of("catboost_interop.py", "mlflow_flavours.py", "mlflow_load.py", "training_set.py")) {
      PythonScripts.copy(script, dir);
    }
  }

  @AfterAll
  static void stopMlflow() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void freshRegistry() {
    registry = new MlflowModelRegistry(server.uri(), null);
    name = RegistryFixtures.uniqueName();
  }

  @Test
  void registersEachVersionAsARunWhoseArtifactsHoldTheModelItsSidecarAndTheReport() {
    byte[] report = "<html>report</html>".getBytes(StandardCharsets.UTF_8);
    ModelVersion v1 = register(Map.of("holdout_auc", 0.81), report);
    ModelVersion v2 = register(Map.of(), null);

    assertThat(List.of(v1.version(), v2.version())).containsExactly(1, 2);
    assertThat(v1.servable()).isTrue();
    assertThat(v1.format()).isEqualTo(ModelFormat.JSON);
    assertThat(v1.metrics()).containsExactly(Map.entry("holdout_auc", 0.81));

    JsonNode version =
        rest.get("model-versions/get", Map.of("name", name, "version", "1"))
            .orElseThrow()
            .path("model_version");
    JsonNode run =
        rest.get("runs/get", Map.of("run_id", version.path("run_id").asText()))
            .orElseThrow()
            .path("run");
    String artifacts = run.path("info").path("artifact_uri").asText();
    assertThat(artifacts).startsWith("mlflow-artifacts:/");
    assertThat(version.path("source").asText())
        .as("the source is the run's model directory")
        .isEqualTo(artifacts + "/model")
        .isEqualTo(v1.location());
    assertThat(run.path("info").path("status").asText()).isEqualTo("FINISHED");
    Map<String, String> params = new HashMap<>();
    run.path("data")
        .path("params")
        .forEach(p -> params.put(p.path("key").asText(), p.path("value").asText()));
    assertThat(params).containsAllEntriesOf(trainedMetadata.params());
    assertThat(run.path("data").path("metrics").get(0).path("key").asText())
        .isEqualTo("holdout_auc");

    // MLflow serves the files to anyone with its URL: fetched here through its proxy, as a browser
    // would.
    String path = artifacts.substring("mlflow-artifacts:".length());
    assertThat(rest.downloadArtifact(path + "/model/model.json")).hasValue(trainedJson);
    assertThat(rest.downloadArtifact(path + "/model/model.json.meta.json")).isPresent();
    assertThat(rest.downloadArtifact(path + "/report.html")).hasValue(report);
    MlModelFile mlmodel =
        MlModelFile.parse(rest.downloadArtifact(path + "/model/MLmodel").orElseThrow());
    assertThat(mlmodel)
        .isEqualTo(
            new MlModelFile("model.json", ModelFormat.JSON, List.of(SyntheticFraudData.FEATURES)));
  }

  @Test
  void aRegisteredVersionDownloadsThroughTheValidatingLoaderAndScoresAsTheTrainedModel() {
    ModelVersion v1 = register(Map.of(), null);
    try (ModelArtifact artifact = new MlflowModelRegistry(server.uri(), null).download(v1)) {
      assertThat(artifact.info().name()).isEqualTo(name);
      assertThat(artifact.info().version()).isEqualTo("1");
      assertThat(artifact.metadata().baselines()).isEqualTo(trainedMetadata.baselines());
      assertThat(artifact.explainer()).isInstanceOf(TreeContributionExplainer.class);
      assertThat(artifact.location()).isEqualTo(v1.location() + "/model.json");
    }
  }

  @Test
  void mlflowsOwnPythonClientLoadsOurRegistrationAndScoresAsWeDo() throws IOException {
    register(Map.of(), null);
    Path rows = dir.resolve(name + "-rows.csv");
    List<String> lines = new ArrayList<>(List.of(String.join(",", SyntheticFraudData.FEATURES)));
    for (int i = 0; i < 50; i++) {
      lines.add(join(train.row(i)));
    }
    Files.write(rows, lines);
    Path out = dir.resolve(name + "-python.csv");
    python.run(
        PYTHON,
        dir,
        Map.of(),
        dir.resolve("mlflow_load.py").toString(),
        server.uri().toString(),
        "models:/" + name + "/1",
        rows.toString(),
        out.toString());

    double[] theirs = column(out, 0);
    try (ModelArtifact ours = registry.download(registry.version(name, 1).orElseThrow())) {
      for (int i = 0; i < theirs.length; i++) {
        assertThat(ours.model().predictProbability(train.row(i)))
            .isCloseTo(theirs[i], within(1e-6));
      }
    }
  }

  @Test
  void
      versionsLoggedWithMlflowsCatboostFlavourServeWithoutProjectTagsAndOthersAreListedAsUnservable()
          throws IOException {
    python.run(
        PYTHON,
        dir,
        Map.of(),
        dir.resolve("mlflow_flavours.py").toString(),
        server.uri().toString(),
        name,
        dir.toString());
    // And one whose files sit in an S3 bucket, which this registry (given only MLflow's URL) cannot
    // read.
    rest.post(
        "model-versions/create", Map.of("name", name, "source", "s3://elsewhere/models/old-model"));

    List<ModelVersion> versions = registry.versions(name);
    assertThat(versions).extracting(ModelVersion::version).containsExactly(1, 2, 3, 4);
    assertThat(versions)
        .extracting(ModelVersion::format)
        .containsExactly(ModelFormat.CBM, ModelFormat.JSON, null, null);
    assertThat(versions.get(0).metrics()).as("from its run").containsEntry("holdout_auc", 0.9);
    assertThat(versions.get(2).problem()).contains("no catboost flavour", "sklearn");
    assertThat(versions.get(3).problem()).contains("in S3", "only the MLflow URL is configured");

    double[][] rows = rows(dir.resolve("rows.csv"));
    double[] theirs = column(dir.resolve("python.csv"), 0);
    try (ModelArtifact cbm = registry.download(versions.get(0));
        ModelArtifact json = registry.download(versions.get(1))) {
      assertThat(cbm.info().featureNames()).hasSize(35).startsWith("amount", "txn_count_1h");
      assertThat(cbm.explainer())
          .as("no sidecar: ablation against missing values")
          .isInstanceOf(AblationExplainer.class);
      assertThat(json.explainer())
          .as("no sidecar, no baselines: tree reasons all the same")
          .isInstanceOf(TreeContributionExplainer.class);
      int riskiest = 0;
      for (int i = 0; i < rows.length; i++) {
        assertThat(cbm.model().predictProbability(rows[i])).isCloseTo(theirs[i], within(1e-6));
        assertThat(json.model().predictProbability(rows[i])).isCloseTo(theirs[i], within(1e-6));
        riskiest = theirs[i] > theirs[riskiest] ? i : riskiest;
      }
      assertThat(cbm.scorer().score(rows[riskiest]).reasons()).isNotEmpty();
      assertThat(json.scorer().score(rows[riskiest]).reasons()).isNotEmpty();
    }
    assertThatThrownBy(() -> registry.download(versions.get(2)))
        .isInstanceOfSatisfying(
            ModelLoadException.class,
            e -> assertThat(e.reason()).isEqualTo(ModelLoadException.Reason.UNSUPPORTED))
        .hasMessageContaining("no catboost flavour");
  }

  @Test
  void theDataScienceTrainingScriptRegistersAVersionThatServesWithItsSidecar() {
    Path csv = dir.resolve(name + ".csv");
    python.run(PYTHON, dir, Map.of(), dir.resolve("training_set.py").toString(), csv.toString());
    String printed =
        python.run(
            PYTHON,
            dir,
            Map.of(),
            python.dataScience().resolve("train_catboost.py").toString(),
            "--file",
            csv.toString(),
            "--name",
            name,
            "--iterations",
            "30",
            "--export",
            "",
            "--mlflow-url",
            server.uri().toString(),
            "--register",
            "--alias",
            "champion");
    assertThat(printed).contains("registered " + name + " version 1");

    ModelVersion champion = registry.resolve(name, "champion").orElseThrow();
    assertThat(champion.format()).isEqualTo(ModelFormat.CBM);
    assertThat(champion.metrics()).containsKeys("holdout_auc", "holdout_pr_auc", "holdout_f1");
    try (ModelArtifact artifact = registry.download(champion)) {
      assertThat(artifact.info().featureNames()).hasSize(35);
      assertThat(artifact.metadata().name()).isEqualTo(name);
      assertThat(artifact.metadata().params())
          .containsEntry("trainer", "catboost")
          .containsKey("split_at");
      assertThat(artifact.metadata().baselines())
          .as("training medians from the sidecar")
          .hasSize(35);
      assertThat(artifact.baselines()).doesNotContain(Double.NaN);
    }
  }

  @Test
  void aliasesResolveThroughMlflowAndFollowMoves() {
    ModelVersion v1 = register(Map.of(), null);
    ModelVersion v2 = register(Map.of(), null);

    registry.setAlias(name, "champion", 1);
    assertThat(registry.resolve(name, "champion")).contains(v1);
    registry.setAlias(name, "champion", 2);
    assertThat(registry.resolve(name, "champion")).contains(v2);
  }

  @Test
  void missingModelsVersionsAndAliasesAreEmptyAndAnAliasOnAMissingVersionIsRefused() {
    register(Map.of(), null);
    assertThat(registry.resolve(name, "challenger")).isEmpty();
    assertThat(registry.resolve("never-registered", "champion")).isEmpty();
    assertThat(registry.version(name, 9)).isEmpty();
    assertThat(registry.versions("never-registered")).isEmpty();
    assertThatThrownBy(() -> registry.setAlias(name, "champion", 3))
        .isInstanceOf(ModelRegistryException.class)
        .hasMessageContaining("version 3");
  }

  @Test
  void listsEveryVersionOldestFirstAcrossSearchPages() {
    for (int i = 0; i < 5; i++) {
      register(Map.of(), null);
    }
    registry.pageSize = 2;
    assertThat(registry.versions(name))
        .extracting(ModelVersion::version)
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void aCorruptModelFileIsRejectedOnDownload() {
    ModelVersion v1 = register(Map.of(), null);
    String path = v1.location().substring("mlflow-artifacts:".length());
    rest.uploadArtifact(
        path + "/model.json", "{\"oblivious_trees\": [".getBytes(StandardCharsets.UTF_8));

    MlflowModelRegistry fresh = new MlflowModelRegistry(server.uri(), null);
    assertThatThrownBy(() -> fresh.download(fresh.version(name, 1).orElseThrow()))
        .isInstanceOfSatisfying(
            ModelLoadException.class,
            e -> assertThat(e.reason()).isEqualTo(ModelLoadException.Reason.UNREADABLE));
  }

  @Test
  void aWrongTrackingUriIsAnErrorNotAMissingAlias() {
    MlflowModelRegistry misconfigured =
        new MlflowModelRegistry(server.uri().resolve("/not-mlflow/"), null);
    assertThatThrownBy(() -> misconfigured.resolve(name, "champion"))
        .isInstanceOf(ModelRegistryException.class)
        .hasMessageContaining("404");
    registry.requireArtifactAccess(); // this server proxies artifacts
  }

  @Test
  void withoutTheArtifactProxyTheStartFailsAndRegistrationSaysWhatToChange() throws IOException {
    Path other = Files.createDirectories(dir.resolve("no-proxy"));
    try (MlflowServer noProxy = MlflowServer.start(other, null, false, Map.of())) {
      MlflowModelRegistry proxied = new MlflowModelRegistry(noProxy.uri(), null);
      assertThatThrownBy(proxied::requireArtifactAccess)
          .isInstanceOf(ModelRegistryException.class)
          .hasMessageContaining("--serve-artifacts");
      assertThatThrownBy(
              () ->
                  proxied.register(
                      name,
                      trainedJson,
                      ModelFormat.JSON,
                      trainedMetadata.withName(name),
                      Map.of()))
          .isInstanceOf(ModelRegistryException.class)
          .hasMessageContaining("own disk")
          .hasMessageContaining("--serve-artifacts");
    }
  }

  private ModelVersion register(Map<String, Double> metrics, byte[] report) {
    return registry.register(
        name, trainedJson, ModelFormat.JSON, trainedMetadata.withName(name), metrics, report);
  }

  private static String join(double[] row) {
    List<String> cells = new ArrayList<>();
    for (double v : row) {
      cells.add(Double.isNaN(v) ? "" : Double.toString(v));
    }
    return String.join(",", cells);
  }

  private static double[][] rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    double[][] out = new double[lines.size() - 1][];
    for (int r = 1; r < lines.size(); r++) {
      String[] cells = lines.get(r).split(",", -1);
      out[r - 1] = new double[cells.length];
      for (int i = 0; i < cells.length; i++) {
        out[r - 1][i] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
      }
    }
    return out;
  }

  private static double[] column(Path csv, int index) throws IOException {
    double[][] rows = rows(csv);
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i][index];
    }
    return out;
  }
}
