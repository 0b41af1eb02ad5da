package io.fraudops.model.registry;

import io.fraudops.model.scoring.ModelFormat;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One registered version of a model, as either registry adapter reports it.
 *
 * @param version  1, 2, … per model name, in registration order
 * @param metrics  evaluation figures recorded at registration, e.g. {@code holdout_auc}
 * @param location where the adapter keeps the model bytes (an {@code s3://} URI or MLflow's source)
 */
public record ModelVersion(String name, int version, ModelFormat format, Map<String, Double> metrics,
                           Instant createdAt, String location) {

    public ModelVersion {
        RegistryNames.requireModelName(name);
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(createdAt, "createdAt");
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("location must not be blank");
        }
        metrics = finite(metrics);
    }

    private static Map<String, Double> finite(Map<String, Double> metrics) {
        Objects.requireNonNull(metrics, "metrics");
        metrics.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("metric " + k + " must be a named finite number, got " + v);
            }
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
