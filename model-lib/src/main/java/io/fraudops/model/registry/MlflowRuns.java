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
 * Records a registration as an MLflow run, so a version's training params, metrics and files show
 * in MLflow's UI and can be compared across versions there. One experiment per model name; the run
 * holds {@code metadata.params} as params, the registration metrics as metrics and, as artifacts,
 * the model directory and the report; the model version links to it by {@code run_id}.
 */
final class MlflowRuns {

  /**
   * A started run and where MLflow keeps its artifacts ({@code
   * mlflow-artifacts:/<exp>/<run>/artifacts}).
   */
  record Run(String id, String artifactUri) {}

  /** MLflow's {@code runs/log-batch} limits: 100 params and 1000 entries in all per request. */
  static final int PARAMS_PER_BATCH = 100;

  static final int METRICS_PER_BATCH = 900;

  private final MlflowRestClient mlflow;
  private final LongSupplier clock;

  MlflowRuns(MlflowRestClient mlflow, LongSupplier epochMillis) {
    this.mlflow = Objects.requireNonNull(mlflow, "mlflow");
    this.clock = Objects.requireNonNull(epochMillis, "epochMillis");
  }

  /**
   * @return a running run holding the params and metrics; {@link #finish} it when its files are
   *     written
   */
  Run start(String modelName, ModelMetadata metadata, Map<String, Double> metrics) {
    long now = clock.getAsLong();
    JsonNode created =
        mlflow.post(
            "runs/create",
            Map.of(
                "experiment_id",
                experimentId(modelName),
                "run_name",
                modelName + " " + metadata.version(),
                "start_time",
                now));
    JsonNode info = created.path("run").path("info");
    String runId = info.path("run_id").asText("");
    String artifactUri = info.path("artifact_uri").asText("");
    if (runId.isEmpty() || artifactUri.isEmpty()) {
      throw new ModelRegistryException(
          "MLflow created a run without a run_id or artifact_uri: " + created);
    }
    List<Map<String, Object>> params = new ArrayList<>();
    metadata.params().forEach((k, v) -> params.add(entry(k, v)));
    List<Map<String, Object>> values = new ArrayList<>();
    metrics.forEach(
        (k, v) -> {
          Map<String, Object> metric = entry(k, v);
          metric.put("timestamp", now);
          metric.put("step", 0);
          values.add(metric);
        });
    for (int p = 0, m = 0;
        p < params.size() || m < values.size();
        p += PARAMS_PER_BATCH, m += METRICS_PER_BATCH) {
      mlflow.post(
          "runs/log-batch",
          Map.of(
              "run_id",
              runId,
              "params",
              params.subList(
                  Math.min(p, params.size()), Math.min(p + PARAMS_PER_BATCH, params.size())),
              "metrics",
              values.subList(
                  Math.min(m, values.size()), Math.min(m + METRICS_PER_BATCH, values.size()))));
    }
    return new Run(runId, artifactUri.replaceFirst("/+$", ""));
  }

  /**
   * @param status {@code FINISHED}, or {@code FAILED} when its files could not be written
   */
  void finish(Run run, String status) {
    mlflow.post(
        "runs/update", Map.of("run_id", run.id(), "status", status, "end_time", clock.getAsLong()));
  }

  /** Where a run keeps its artifacts; empty when there is no such run. */
  Optional<String> artifactUri(String runId) {
    return mlflow
        .get("runs/get", Map.of("run_id", runId))
        .map(body -> body.path("run").path("info").path("artifact_uri").asText(""))
        .filter(uri -> !uri.isEmpty());
  }

  /**
   * A run's metrics (latest values), e.g. those a Python training script logged; empty when none.
   */
  Map<String, Double> metrics(String runId) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    mlflow
        .get("runs/get", Map.of("run_id", runId))
        .ifPresent(
            body ->
                body.path("run")
                    .path("data")
                    .path("metrics")
                    .forEach(
                        m -> {
                          double value = m.path("value").asDouble(Double.NaN);
                          if (m.path("key").isTextual() && Double.isFinite(value)) {
                            metrics.put(m.path("key").asText(), value);
                          }
                        }));
    return metrics;
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
    return mlflow
        .get("experiments/get-by-name", Map.of("experiment_name", name))
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
