package io.fraudops.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelMetadata;
import io.minio.MinioClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry on an MLflow 2.x tracking server (2.3 or later: aliases arrived in 2.3), through its REST API;
 * the model files themselves are read and written in S3 directly ({@link MlflowArtifactStore}). MLflow
 * numbers versions and moves aliases itself, atomically in its database, so this adapter needs no locking.
 * <p>
 * MLflow knows nothing of our formats or metrics, so they travel as model version tags:
 * {@code fraudops.format} ({@code JSON} or {@code CBM}) and {@code fraudops.metric.<name>}. A version created
 * by hand in MLflow is served once it has a {@code fraudops.format} tag and its directory holds
 * {@code model.json} (or {@code model.cbm}) and the sidecar {@code model.json.meta.json}.
 * <p>
 * Each registration is also logged as a finished MLflow run ({@link MlflowRuns}: the sidecar's params and
 * the metrics, in an experiment named after the model), which the version links to by {@code run_id}.
 */
public final class MlflowModelRegistry implements ModelRegistry {

    static final String FORMAT_TAG = "fraudops.format";
    static final String METRIC_TAG_PREFIX = "fraudops.metric.";
    private static final int PAGE_SIZE = 200;

    private final MlflowRestClient mlflow;
    private final S3Objects objects;
    private final MlflowArtifactStore artifacts;
    private final MlflowRuns runs;

    /** @param token bearer token for MLflow, or null */
    public MlflowModelRegistry(URI trackingUri, String token, MinioClient s3, MlflowArtifactStore artifacts) {
        this(new MlflowRestClient(trackingUri, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                token), s3, artifacts);
    }

    MlflowModelRegistry(MlflowRestClient mlflow, MinioClient s3, MlflowArtifactStore artifacts) {
        this.mlflow = Objects.requireNonNull(mlflow, "mlflow");
        this.objects = new S3Objects(s3);
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.runs = new MlflowRuns(mlflow, System::currentTimeMillis);
    }

    @Override
    public ModelVersion register(String modelName, byte[] model, ModelFormat format, ModelMetadata metadata,
                                 Map<String, Double> metrics) {
        ModelFiles.check(modelName, model, format, metadata, metrics);
        createRegisteredModelIfMissing(modelName);
        S3Location dir = artifacts.newVersionDirectory(modelName);
        ModelFiles.store(objects, dir, model, format, metadata);
        List<Map<String, String>> tags = new ArrayList<>();
        tags.add(tag(FORMAT_TAG, format.name()));
        metrics.forEach((k, v) -> tags.add(tag(METRIC_TAG_PREFIX + k, Double.toString(v))));
        String runId = runs.log(modelName, metadata, metrics);
        JsonNode created = mlflow.post("model-versions/create",
                Map.of("name", modelName, "source", dir.toString(), "run_id", runId, "tags", tags));
        return toVersion(created.path("model_version"));
    }

    @Override
    public void setAlias(String modelName, String alias, int version) {
        RegistryNames.requireModelName(modelName);
        RegistryNames.requireAlias(alias);
        try {
            mlflow.post("registered-models/alias",
                    Map.of("name", modelName, "alias", alias, "version", Integer.toString(version)));
        } catch (MlflowRestClient.MlflowException e) {
            if ("RESOURCE_DOES_NOT_EXIST".equals(e.errorCode()) || "INVALID_PARAMETER_VALUE".equals(e.errorCode())) {
                throw new ModelRegistryException("cannot point " + modelName + "@" + alias + " at version "
                        + version + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public Optional<ModelVersion> resolve(String modelName, String alias) {
        RegistryNames.requireModelName(modelName);
        RegistryNames.requireAlias(alias);
        return mlflow.get("registered-models/alias", Map.of("name", modelName, "alias", alias))
                .map(body -> toVersion(body.path("model_version")));
    }

    @Override
    public Optional<ModelVersion> version(String modelName, int version) {
        RegistryNames.requireModelName(modelName);
        return mlflow.get("model-versions/get", Map.of("name", modelName, "version", Integer.toString(version)))
                .map(body -> toVersion(body.path("model_version")));
    }

    @Override
    public List<ModelVersion> versions(String modelName) {
        RegistryNames.requireModelName(modelName);
        List<ModelVersion> out = new ArrayList<>();
        String pageToken = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            // The name pattern admits no quote, so it cannot break out of the filter string.
            query.put("filter", "name='" + modelName + "'");
            query.put("max_results", Integer.toString(PAGE_SIZE));
            if (pageToken != null) {
                query.put("page_token", pageToken);
            }
            Optional<JsonNode> page = mlflow.get("model-versions/search", query);
            if (page.isEmpty()) {
                break;
            }
            page.get().path("model_versions").forEach(v -> out.add(toVersion(v)));
            pageToken = page.get().path("next_page_token").asText(null);
        } while (pageToken != null && !pageToken.isEmpty());
        out.sort(Comparator.comparingInt(ModelVersion::version));
        return List.copyOf(out);
    }

    @Override
    public ModelArtifact download(ModelVersion version) {
        return ModelFiles.load(objects, artifacts.locate(version.location()), version);
    }

    /** Ordered, so the request reads key then value as in MLflow's documentation. */
    private static Map<String, String> tag(String key, String value) {
        Map<String, String> tag = new LinkedHashMap<>();
        tag.put("key", key);
        tag.put("value", value);
        return tag;
    }

    private void createRegisteredModelIfMissing(String modelName) {
        try {
            mlflow.post("registered-models/create", Map.of("name", modelName));
        } catch (MlflowRestClient.MlflowException e) {
            if (!"RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
                throw e;
            }
        }
    }

    /** MLflow's {@code model_version} object: version is a string, creation_timestamp epoch millis. */
    static ModelVersion toVersion(JsonNode v) {
        String name = v.path("name").asText(null);
        Map<String, String> tags = new LinkedHashMap<>();
        v.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        String format = tags.get(FORMAT_TAG);
        if (format == null) {
            throw new ModelRegistryException("MLflow model " + name + " version " + v.path("version").asText()
                    + " has no " + FORMAT_TAG + " tag: not registered for this service");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        try {
            tags.forEach((k, value) -> {
                if (k.startsWith(METRIC_TAG_PREFIX)) {
                    metrics.put(k.substring(METRIC_TAG_PREFIX.length()), Double.parseDouble(value));
                }
            });
            return new ModelVersion(name, Integer.parseInt(v.path("version").asText()),
                    ModelFormat.valueOf(format), metrics,
                    Instant.ofEpochMilli(v.path("creation_timestamp").asLong()), v.path("source").asText(null));
        } catch (IllegalArgumentException e) {
            throw new ModelRegistryException("unusable MLflow model_version " + v + ": " + e.getMessage(), e);
        }
    }
}
