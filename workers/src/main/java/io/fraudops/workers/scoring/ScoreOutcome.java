package io.fraudops.workers.scoring;

import java.util.List;
import java.util.Map;

/**
 * A score as the process sees it.
 *
 * @param score probability of fraud, null when no score could be made
 * @param topReasons the features that pushed the score up: feature, value, contribution
 * @param problem why there is no score, null when there is one
 * @param shadowScores per shadow model: {@code model} and {@code score}, or {@code problem}; never
 *     used for the decision, recorded with it
 * @param thresholds {@code review} and {@code decline} cut-offs for the decision table
 * @param configVersion the inference configuration's object version
 */
public record ScoreOutcome(
    Double score,
    String modelVersion,
    List<Map<String, Object>> topReasons,
    String problem,
    List<Map<String, Object>> shadowScores,
    Map<String, Object> thresholds,
    String configVersion) {

  public boolean available() {
    return score != null;
  }

  static ScoreOutcome unavailable(
      String modelVersion,
      String problem,
      List<Map<String, Object>> shadowScores,
      Map<String, Object> thresholds,
      String configVersion) {
    return new ScoreOutcome(
        null, modelVersion, List.of(), problem, shadowScores, thresholds, configVersion);
  }
}
