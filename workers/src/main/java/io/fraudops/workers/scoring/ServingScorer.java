package io.fraudops.workers.scoring;

import io.fraudops.model.scoring.ReasonCode;
import io.fraudops.model.scoring.ScoreResult;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one payment with a pinned serving set: the decision model with its reasons, then each
 * shadow model on the same features. A shadow that fails is recorded as such and never touches the
 * decision.
 */
final class ServingScorer {

  private static final Logger log = LoggerFactory.getLogger(ServingScorer.class);

  private final Timer latency;

  ServingScorer(Timer latency) {
    this.latency = latency;
  }

  ScoreOutcome score(ServingSet set, Map<?, ?> features) {
    Map<String, Object> thresholds = set.thresholdsVariable;
    List<Map<String, Object>> shadows = shadows(set, features);
    if (set.decision == null) {
      return ScoreOutcome.unavailable(null, set.problem, shadows, thresholds, set.configVersion);
    }
    LoadedModel model = set.decision;
    String[] missing = new String[1];
    double[] row = model.row(features, missing);
    if (row == null) {
      return ScoreOutcome.unavailable(
          model.version,
          "feature " + missing[0] + " is missing",
          shadows,
          thresholds,
          set.configVersion);
    }
    long start = System.nanoTime();
    try {
      ScoreResult result = model.scorer.score(row);
      if (model.drift != null) {
        model.drift.record(row, result.probability());
      }
      return new ScoreOutcome(
          result.probability(),
          model.version,
          reasons(result.reasons()),
          null,
          shadows,
          thresholds,
          set.configVersion);
    } catch (RuntimeException e) {
      log.warn("Scoring failed with model {}", model.version, e);
      return ScoreOutcome.unavailable(
          model.version,
          "scoring failed: " + e.getMessage(),
          shadows,
          thresholds,
          set.configVersion);
    } finally {
      latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  private static List<Map<String, Object>> shadows(ServingSet set, Map<?, ?> features) {
    if (set.shadows.isEmpty()) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>(set.shadows.size());
    String[] missing = new String[1];
    for (LoadedModel shadow : set.shadows) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("model", shadow.version);
      double[] row = shadow.row(features, missing);
      try {
        if (row == null) {
          entry.put("problem", "feature " + missing[0] + " is missing");
        } else {
          entry.put("score", shadow.scorer.model().predictProbability(row));
        }
      } catch (RuntimeException e) {
        entry.put("problem", "scoring failed: " + e.getMessage());
      }
      out.add(entry);
    }
    return out;
  }

  private static List<Map<String, Object>> reasons(List<ReasonCode> codes) {
    List<Map<String, Object>> out = new ArrayList<>(codes.size());
    for (ReasonCode code : codes) {
      Map<String, Object> reason = new LinkedHashMap<>();
      reason.put("feature", code.feature());
      reason.put("value", code.value());
      reason.put("contribution", Math.round(code.contribution() * 1e4) / 1e4);
      out.add(reason);
    }
    return out;
  }
}
