package io.fraudops.workers.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The model the score worker serves.
 *
 * @param location a file path or {@code classpath:...}, CatBoost {@code .json} or {@code .cbm}; a
 *     sidecar {@code <location>.meta.json} (name, version, feature names, baselines) must sit beside it
 * @param topReasons how many reason codes each score carries
 */
@ConfigurationProperties("fraud.model")
public record ModelProperties(
    @DefaultValue("classpath:models/demo-fraud-model.json") String location,
    @DefaultValue("3") int topReasons) {}
