package io.fraudops.model.registry;

import io.fraudops.local.s3.EmbeddedS3;

import static io.fraudops.model.registry.RegistryFixtures.tinyMetadata;
import static io.fraudops.model.registry.RegistryFixtures.tinyModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelLoadException;
import io.fraudops.model.scoring.ModelMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MlflowModelRegistryTest {

    private static final String BUCKET = "mlflow";
    private static final MlflowArtifactStore ARTIFACTS = new MlflowArtifactStore(BUCKET, "artifacts/");
    private static EmbeddedS3 s3;
    private FakeMlflowServer mlflow;
    private MlflowModelRegistry registry;
    private String name;

    @BeforeAll
    static void startS3() {
        s3 = EmbeddedS3.start(RegistryFixtures.ACCESS_KEY, RegistryFixtures.SECRET_KEY);
        s3.createVersionedBucket(BUCKET);
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @BeforeEach
    void startMlflow() {
        mlflow = new FakeMlflowServer();
        registry = new MlflowModelRegistry(mlflow.uri(), null, s3.client(), ARTIFACTS);
        name = RegistryFixtures.uniqueName();
    }

    @AfterEach
    void stopMlflow() {
        mlflow.close();
    }

    @Test
    void registersTheModelOnceThenNumberedVersionsWithFormatAndMetricTags() {
        ModelVersion v1 = register(Map.of("holdout_auc", 0.81));
        ModelVersion v2 = register(Map.of());

        assertThat(List.of(v1.version(), v2.version())).containsExactly(1, 2);
        assertThat(v1.metrics()).containsExactly(Map.entry("holdout_auc", 0.81));
        assertThat(v1.createdAt()).isEqualTo(Instant.ofEpochMilli(1_732_000_000_000L));
        assertThat(v1.location()).startsWith("s3://mlflow/artifacts/registry/" + name + "/");

        List<FakeMlflowServer.Request> creates = mlflow.requests.stream()
                .filter(r -> r.path().equals("model-versions/create")).toList();
        assertThat(creates).hasSize(2);
        JsonNode body = creates.getFirst().body();
        assertThat(body.path("name").asText()).isEqualTo(name);
        assertThat(body.path("source").asText()).isEqualTo(v1.location());
        Map<String, String> tags = new HashMap<>();
        body.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        assertThat(tags).containsExactlyInAnyOrderEntriesOf(
                Map.of("fraudops.format", "JSON", "fraudops.metric.holdout_auc", "0.81"));
        assertThat(mlflow.requests).filteredOn(r -> r.path().equals("registered-models/create")).hasSize(2);

        S3Objects objects = new S3Objects(s3.client());
        S3Location dir = S3Location.parse(v1.location());
        assertThat(objects.get(ModelFiles.model(dir, ModelFormat.JSON))).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(tinyModel()));
        assertThat(objects.get(ModelFiles.sidecar(dir, ModelFormat.JSON))).isPresent();
    }

    @Test
    void logsEachRegistrationAsAFinishedRunWithTheSidecarParamsAndTheMetrics() {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) { // more than one log-batch request may carry
            params.put("param_" + i, "value " + i);
        }
        ModelMetadata base = tinyMetadata(name);
        ModelMetadata withParams = new ModelMetadata(name, base.version(), base.trainedAt(), base.metrics(),
                base.baselines(), base.featureNames(), params, null);

        registry.register(name, tinyModel(), ModelFormat.JSON, withParams, Map.of("holdout_auc", 0.81));
        registry.register(name, tinyModel(), ModelFormat.JSON, withParams, Map.of("holdout_auc", 0.83));

        assertThat(mlflow.runs).hasSize(2);
        FakeMlflowServer.Run first = mlflow.runs.values().iterator().next();
        assertThat(first.params).isEqualTo(params);
        assertThat(first.metrics).containsExactly(Map.entry("holdout_auc", 0.81));
        assertThat(first.status).isEqualTo("FINISHED");
        assertThat(mlflow.runs.values()).extracting(run -> run.experimentId).containsOnly(first.experimentId);
        assertThat(mlflow.requests).filteredOn(r -> r.path().equals("experiments/create")).hasSize(1);
        assertThat(mlflow.requests).as("150 params need two batches per run")
                .filteredOn(r -> r.path().equals("runs/log-batch")).hasSize(4);
        JsonNode created = mlflow.requests.stream().filter(r -> r.path().equals("model-versions/create"))
                .findFirst().orElseThrow().body();
        assertThat(mlflow.runs).containsKey(created.path("run_id").asText());
    }

    @Test
    void aliasesResolveThroughMlflowAndFollowMoves() {
        ModelVersion v1 = register(Map.of());
        ModelVersion v2 = register(Map.of());

        registry.setAlias(name, "champion", 1);
        assertThat(registry.resolve(name, "champion")).contains(v1);
        registry.setAlias(name, "champion", 2);
        assertThat(registry.resolve(name, "champion")).contains(v2);

        FakeMlflowServer.Request move = mlflow.requests.stream()
                .filter(r -> r.path().equals("registered-models/alias") && r.method().equals("POST"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(move.body().path("version").isTextual()).as("MLflow takes the version as a string").isTrue();
        assertThat(mlflow.requests.getLast().query()).contains("alias=champion").contains("name=" + name);
    }

    @Test
    void notFoundAnswersResolveToEmpty() {
        register(Map.of());
        assertThat(registry.resolve(name, "challenger")).isEmpty();
        assertThat(registry.resolve("never-registered", "champion")).isEmpty();
        assertThat(registry.version(name, 9)).isEmpty();
        assertThat(registry.versions("never-registered")).isEmpty();
    }

    @Test
    void anAliasOnAMissingVersionIsRefused() {
        register(Map.of());
        assertThatThrownBy(() -> registry.setAlias(name, "champion", 3))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("version 3");
    }

    @Test
    void listsEveryVersionOldestFirstAcrossSearchPages() {
        for (int i = 0; i < 5; i++) {
            register(Map.of());
        }
        assertThat(registry.versions(name)).extracting(ModelVersion::version).containsExactly(1, 2, 3, 4, 5);
        assertThat(mlflow.requests).filteredOn(r -> r.path().equals("model-versions/search")).hasSize(3);
    }

    @Test
    void downloadsAnMlflowArtifactsSourceFromTheMappedBucketThroughTheValidatingLoader() {
        String path = "7/0a1b2c/artifacts/model";
        S3Location dir = new S3Location(BUCKET, "artifacts/" + path);
        ModelFiles.store(new S3Objects(s3.client()), dir, tinyModel(), ModelFormat.JSON, tinyMetadata(name));
        mlflow.seedVersion(name, "mlflow-artifacts:/" + path, Map.of("fraudops.format", "JSON"));

        ModelVersion v1 = registry.version(name, 1).orElseThrow();
        try (ModelArtifact artifact = registry.download(v1)) {
            assertThat(artifact.info().name()).isEqualTo(name);
            assertThat(artifact.info().version()).isEqualTo("1");
            assertThat(artifact.location()).isEqualTo("s3://mlflow/artifacts/" + path + "/model.json");
        }
    }

    @Test
    void aCorruptArtifactIsRejectedOnDownload() {
        String path = "8/broken/artifacts/model";
        S3Location dir = new S3Location(BUCKET, "artifacts/" + path);
        byte[] truncated = "{\"oblivious_trees\": [".getBytes(StandardCharsets.UTF_8);
        ModelFiles.store(new S3Objects(s3.client()), dir, truncated, ModelFormat.JSON, tinyMetadata(name));
        mlflow.seedVersion(name, "mlflow-artifacts:/" + path, Map.of("fraudops.format", "JSON"));

        ModelVersion v1 = registry.version(name, 1).orElseThrow();
        assertThatThrownBy(() -> registry.download(v1)).isInstanceOf(ModelLoadException.class);
    }

    @Test
    void refusesVersionsItCannotServe() {
        mlflow.seedVersion(name, "s3://mlflow/x", Map.of());
        assertThatThrownBy(() -> registry.version(name, 1))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("fraudops.format");

        mlflow.seedVersion(name, "runs:/abc123/model", Map.of("fraudops.format", "CBM"));
        ModelVersion fromRun = registry.version(name, 2).orElseThrow();
        assertThatThrownBy(() -> registry.download(fromRun))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isEqualTo(ModelLoadException.Reason.UNSUPPORTED));
    }

    @Test
    void serverErrorsSurfaceWithMlflowsErrorCode() {
        mlflow.failWith = "INTERNAL_ERROR";
        assertThatThrownBy(() -> registry.resolve(name, "champion"))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("500 INTERNAL_ERROR");
    }

    @Test
    void aWrongTrackingUriIsAnErrorNotAMissingAlias() {
        MlflowModelRegistry misconfigured = new MlflowModelRegistry(mlflow.uri().resolve("/not-mlflow/"), null,
                s3.client(), ARTIFACTS);
        assertThatThrownBy(() -> misconfigured.resolve(name, "champion"))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("404");
    }

    private ModelVersion register(Map<String, Double> metrics) {
        return registry.register(name, tinyModel(), ModelFormat.JSON, tinyMetadata(name), metrics);
    }
}
