package io.fraudops.workers.scoring;

/**
 * What the workers serve, for people and the HTTP API.
 *
 * @param serving the decision model (and shadows), or why there is none
 * @param configVersion the inference configuration's object version, {@code default} without one
 * @param lastRejection the last configuration or model that was refused and why; null when none
 */
public record ServingStatus(String serving, String configVersion, String lastRejection) {

  static ServingStatus starting() {
    return new ServingStatus("starting", "default", null);
  }

  static ServingStatus serving(String serving, String configVersion, String lastRejection) {
    return new ServingStatus(serving, configVersion, lastRejection);
  }
}
