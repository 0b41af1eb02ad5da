package io.fraudops.workers.scoring;

import io.fraudops.model.inference.Thresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The model the score worker serves when no inference configuration says otherwise.
 *
 * @param location a file path or {@code classpath:...}, CatBoost {@code .json} or {@code .cbm}; a
 *     sidecar {@code <location>.meta.json} (name, version, feature names, baselines) must sit
 *     beside it
 * @param topReasons how many reason codes each score carries
 * @param reviewThreshold score from which the decision table sends a payment to review, unless the
 *     inference configuration sets another
 * @param declineThreshold score from which it declines, unless the inference configuration sets
 *     another
 */
@ConfigurationProperties("fraud.model")
public record ModelProperties(
    @DefaultValue("classpath:models/demo-fraud-model.json") String location,
    @DefaultValue("3") int topReasons,
    @DefaultValue("0.5") double reviewThreshold,
    @DefaultValue("0.9") double declineThreshold) {

  public Thresholds thresholds() {
    return new Thresholds(reviewThreshold, declineThreshold);
  }
}
