package io.fraudops.workers.screening;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.fraudops.workers.scoring.ScoreOutcome;
import io.fraudops.workers.scoring.ServingModel;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Scores the features with the serving set: the decision model's score, reasons and thresholds for
 * the decision table, and the shadow models' scores to record beside the decision. No model, or a
 * failing one, gives no score and a reason, never an approval: the table routes such payments to review.
 */
@Component
public class ScoreWorker {

  private final ServingModel model;

  ScoreWorker(ServingModel model) {
    this.model = model;
  }

  @JobWorker(type = "fraud.score", fetchVariables = {"features", "degradedReason"})
  public Map<String, Object> score(ActivatedJob job) {
    Map<String, Object> vars = job.getVariablesAsMap();
    Map<?, ?> features = vars.get("features") instanceof Map<?, ?> m ? m : Map.of();
    ScoreOutcome outcome = model.score(features);
    Map<String, Object> out = new HashMap<>();
    out.put("score", outcome.score());
    out.put("scoreAvailable", outcome.available());
    out.put("modelVersion", outcome.modelVersion());
    out.put("topReasons", outcome.topReasons());
    out.put("shadowScores", outcome.shadowScores());
    out.put("thresholds", outcome.thresholds());
    out.put("inferenceConfigVersion", outcome.configVersion());
    if (!outcome.available()) {
      String earlier = (String) vars.get("degradedReason");
      out.put("degradedReason", earlier == null ? outcome.problem() : earlier + "; " + outcome.problem());
    }
    return out;
  }
}
