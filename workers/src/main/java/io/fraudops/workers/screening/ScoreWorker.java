package io.fraudops.workers.screening;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.fraudops.workers.scoring.ScoreOutcome;
import io.fraudops.workers.scoring.ServingModel;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Scores the features with the serving set: the decision model's score, reasons and thresholds for
 * the decision table, and the shadow models' scores to record beside the decision. No model, or a
 * failing one, gives no score and a reason, never an approval: the table routes such payments to
 * review.
 */
@Component
public class ScoreWorker {

  private final ServingModel model;

  ScoreWorker(ServingModel model) {
    this.model = model;
  }

  /** What this worker reads: the features and why they may be incomplete. */
  public record Input(Map<String, Double> features, String degradedReason) {}

  /** What it adds to the process for the decision table and the record step. */
  public record Scored(
      Double score,
      boolean scoreAvailable,
      String modelVersion,
      List<Map<String, Object>> topReasons,
      List<Map<String, Object>> shadowScores,
      Map<String, Object> thresholds,
      String inferenceConfigVersion,
      String degradedReason) {}

  @JobWorker(type = "fraud.score")
  public Scored score(@VariablesAsType Input input) {
    ScoreOutcome outcome = model.score(input.features() == null ? Map.of() : input.features());
    String degraded = input.degradedReason();
    if (!outcome.available()) {
      degraded = degraded == null ? outcome.problem() : degraded + "; " + outcome.problem();
    }
    return new Scored(
        outcome.score(),
        outcome.available(),
        outcome.modelVersion(),
        outcome.topReasons(),
        outcome.shadowScores(),
        outcome.thresholds(),
        outcome.configVersion(),
        degraded);
  }
}
