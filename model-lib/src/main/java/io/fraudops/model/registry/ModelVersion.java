package io.fraudops.model.registry;

import io.fraudops.model.scoring.ModelFormat;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One registered version of a model, as either registry adapter reports it. A version the service
 * cannot serve (e.g. logged in MLflow with another flavour) is still listed, with {@code problem}
 * saying why, so one foreign version never hides the others.
 *
 * @param version 1, 2, … per model name, in registration order
 * @param format the model file's format; null only when the version cannot be served
 * @param metrics evaluation figures recorded at registration, e.g. {@code holdout_auc}
 * @param location where the adapter keeps the model files (an {@code s3://} URI or MLflow's source)
 * @param problem why the version cannot be served, or null when it can (loading may still fail: the
 *     files are checked only when downloaded)
 */
public record ModelVersion(
    String name,
    int version,
    ModelFormat format,
    Map<String, Double> metrics,
    Instant createdAt,
    String location,
    String problem) {

  public ModelVersion {
    RegistryNames.requireModelName(name);
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, got " + version);
    }
    if (problem != null && problem.isBlank()) {
      throw new IllegalArgumentException("problem must be null or say why");
    }
    if (format == null && problem == null) {
      throw new IllegalArgumentException("a servable version needs a format");
    }
    Objects.requireNonNull(createdAt, "createdAt");
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("location must not be blank");
    }
    metrics = finite(metrics);
  }

  /** A version that can be served. */
  public ModelVersion(
      String name,
      int version,
      ModelFormat format,
      Map<String, Double> metrics,
      Instant createdAt,
      String location) {
    this(name, version, format, metrics, createdAt, location, null);
  }

  public boolean servable() {
    return problem == null;
  }

  private static Map<String, Double> finite(Map<String, Double> metrics) {
    Objects.requireNonNull(metrics, "metrics");
    metrics.forEach(
        (k, v) -> {
          if (k == null || k.isBlank() || v == null || !Double.isFinite(v)) {
            throw new IllegalArgumentException(
                "metric " + k + " must be a named finite number, got " + v);
          }
        });
    return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
