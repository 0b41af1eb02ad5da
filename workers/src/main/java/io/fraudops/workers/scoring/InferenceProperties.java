package io.fraudops.workers.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the inference configuration is kept when the model registry is enabled: one object in the
 * registry's bucket, every change a new object version.
 *
 * @param configKey the object's key inside the registry's bucket (after the registry's prefix)
 * @param configVersion serve this object version instead of the latest: rolling back one deployment
 *     without touching the others; empty follows the latest
 */
@ConfigurationProperties("fraud.inference")
public record InferenceProperties(
    @DefaultValue("inference-config.json") String configKey,
    @DefaultValue("") String configVersion) {}
