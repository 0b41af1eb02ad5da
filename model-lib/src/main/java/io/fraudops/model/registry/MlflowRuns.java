package io.fraudops.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudops.model.scoring.ModelMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Records a registration as an MLflow run, so a version's training params and metrics show in MLflow's UI
 * and can be compared across versions there. One experiment per model name; the run holds
 * {@code metadata.params} as params and the registration metrics as metrics, and the model version links to
 * it by {@code run_id}.
 */
final class MlflowRuns {

    /** MLflow's {@code runs/log-batch} limits: 100 params and 1000 entries in all per request. */
    static final int PARAMS_PER_BATCH = 100;
    static final int METRICS_PER_BATCH = 900;

    private final MlflowRestClient mlflow;
    private final LongSupplier clock;

    MlflowRuns(MlflowRestClient mlflow, LongSupplier epochMillis) {
        this.mlflow = Objects.requireNonNull(mlflow, "mlflow");
        this.clock = Objects.requireNonNull(epochMillis, "epochMillis");
    }

    /** @return the id of a finished run holding the params and metrics */
    String log(String modelName, ModelMetadata metadata, Map<String, Double> metrics) {
        long now = clock.getAsLong();
        JsonNode created = mlflow.post("runs/create", Map.of("experiment_id", experimentId(modelName),
                "run_name", modelName + " " + metadata.version(), "start_time", now));
        String runId = created.path("run").path("info").path("run_id").asText("");
        if (runId.isEmpty()) {
            throw new ModelRegistryException("MLflow created a run without a run_id: " + created);
        }
        List<Map<String, Object>> params = new ArrayList<>();
        metadata.params().forEach((k, v) -> params.add(entry(k, v)));
        List<Map<String, Object>> values = new ArrayList<>();
        metrics.forEach((k, v) -> {
            Map<String, Object> metric = entry(k, v);
            metric.put("timestamp", now);
            metric.put("step", 0);
            values.add(metric);
        });
        for (int p = 0, m = 0; p < params.size() || m < values.size(); p += PARAMS_PER_BATCH, m += METRICS_PER_BATCH) {
            mlflow.post("runs/log-batch", Map.of("run_id", runId,
                    "params", params.subList(Math.min(p, params.size()), Math.min(p + PARAMS_PER_BATCH, params.size())),
                    "metrics", values.subList(Math.min(m, values.size()),
                            Math.min(m + METRICS_PER_BATCH, values.size()))));
        }
        mlflow.post("runs/update", Map.of("run_id", runId, "status", "FINISHED", "end_time", clock.getAsLong()));
        return runId;
    }

    private String experimentId(String name) {
        Optional<String> existing = find(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return mlflow.post("experiments/create", Map.of("name", name)).path("experiment_id").asText();
        } catch (MlflowRestClient.MlflowException e) {
            if ("RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
                // Another registration created it between our look and our create.
                return find(name).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<String> find(String name) {
        return mlflow.get("experiments/get-by-name", Map.of("experiment_name", name))
                .map(body -> body.path("experiment").path("experiment_id").asText());
    }

    /** Ordered, so the request reads key then value as in MLflow's documentation. */
    private static Map<String, Object> entry(String key, Object value) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("key", key);
        entry.put("value", value);
        return entry;
    }
}
