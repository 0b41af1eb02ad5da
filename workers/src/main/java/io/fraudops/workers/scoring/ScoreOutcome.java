package io.fraudops.workers.scoring;

import java.util.List;
import java.util.Map;

/**
 * A score as the process sees it.
 *
 * @param score probability of fraud, null when no score could be made
 * @param topReasons the features that pushed the score up: feature, value, contribution
 * @param problem why there is no score, null when there is one
 */
public record ScoreOutcome(
    Double score, String modelVersion, List<Map<String, Object>> topReasons, String problem) {

  public boolean available() {
    return score != null;
  }

  static ScoreOutcome unavailable(String modelVersion, String problem) {
    return new ScoreOutcome(null, modelVersion, List.of(), problem);
  }
}
