package io.fraudops.workers.review;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A payment waiting for an analyst, as the review inbox shows it. */
public record PendingReview(
    long key,
    long processInstanceKey,
    String transactionId,
    Object transaction,
    Double score,
    String modelVersion,
    String rule,
    String reason,
    Object topReasons,
    Object features,
    String candidateGroups,
    Instant waitingSince) {

  static PendingReview from(ActivatedJob job, Instant now) {
    Map<String, Object> vars = job.getVariablesAsMap();
    Map<?, ?> decision = vars.get("decision") instanceof Map<?, ?> m ? m : Map.of();
    return new PendingReview(
        job.getKey(),
        job.getProcessInstanceKey(),
        (String) vars.get("transactionId"),
        vars.get("transaction"),
        vars.get("score") instanceof Number n ? n.doubleValue() : null,
        (String) vars.get("modelVersion"),
        (String) decision.get("rule"),
        (String) decision.get("reason"),
        vars.getOrDefault("topReasons", List.of()),
        vars.getOrDefault("features", Map.of()),
        job.getCustomHeaders().get("io.camunda.zeebe:candidateGroups"),
        now);
  }
}
