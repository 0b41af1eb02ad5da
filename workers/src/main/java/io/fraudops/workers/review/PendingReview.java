package io.fraudops.workers.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    List<String> candidateGroups,
    Instant waitingSince) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The engine passes the candidate groups as a JSON array in a job header. */
  private static List<String> candidateGroups(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    try {
      return List.of(JSON.readValue(header, String[].class));
    } catch (JsonProcessingException e) {
      return List.of(header);
    }
  }

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
        candidateGroups(job.getCustomHeaders().get("io.camunda.zeebe:candidateGroups")),
        now);
  }
}
