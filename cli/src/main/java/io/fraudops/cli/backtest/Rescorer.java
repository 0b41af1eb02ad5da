package io.fraudops.cli.backtest;

import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ReasonCode;
import io.fraudops.model.scoring.ScoreResult;
import io.fraudops.model.scoring.Scorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores recorded payments again with another model, from the features recorded with each decision,
 * and puts the new score, its reasons and version in place of the live ones, as the score worker
 * would have written them. A feature the model needs but the record lacks leaves the payment
 * without a score, which the table routes like a live payment whose model could not score.
 */
final class Rescorer implements AutoCloseable {

  private final ModelArtifact artifact;
  private final Scorer scorer;
  private final List<String> names;
  private final String version;

  private Rescorer(ModelArtifact artifact) {
    this.artifact = artifact;
    this.scorer = artifact.scorer();
    this.names = artifact.info().featureNames();
    this.version = artifact.info().name() + ":" + artifact.info().version();
  }

  /** A model file with its sidecar ({@code .meta.json}), or {@code classpath:…}. */
  static Rescorer load(String location) {
    return new Rescorer(ModelArtifact.load(location));
  }

  String version() {
    return version;
  }

  Map<String, Object> rescore(Map<String, Object> inputs) {
    Map<String, Object> out = new LinkedHashMap<>(inputs);
    out.put("modelVersion", version);
    Map<?, ?> features = inputs.get("features") instanceof Map<?, ?> f ? f : Map.of();
    double[] row = new double[names.size()];
    for (int i = 0; i < row.length; i++) {
      Object value = features.get(names.get(i));
      if (value instanceof Number n) {
        row[i] = n.doubleValue();
      } else if ("NaN".equals(value)) {
        // A missing value travels as "NaN" in JSON; the live worker read it back as NaN too.
        row[i] = Double.NaN;
      } else {
        String problem = "feature " + names.get(i) + " is missing";
        Object degraded = inputs.get("degradedReason");
        out.put("score", null);
        out.put("scoreAvailable", false);
        out.put("topReasons", List.of());
        out.put("degradedReason", degraded == null ? problem : degraded + "; " + problem);
        return out;
      }
    }
    ScoreResult result = scorer.score(row);
    out.put("score", result.probability());
    out.put("scoreAvailable", true);
    out.put("topReasons", reasons(result.reasons()));
    return out;
  }

  /** The shape of the {@code topReasons} variable the score worker writes. */
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

  @Override
  public void close() {
    artifact.close();
  }
}
