package io.fraudops.workers.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.workers.process.DmnDecision;
import io.fraudops.workers.process.ScreenedPayment;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A payment waiting for an analyst, as the review inbox shows it.
 *
 * @param priority 0-100, from the score and the amount ({@link ReviewPriority}); the inbox lists
 *     the highest first
 * @param escalatedAt when the review went to the escalation group too, null while it has not
 * @param decision the decision table's whole result, as the review form reads it ({@code
 *     decision.rule}, ...)
 * @param degradedReason why features or the score were missing, shown on the form; null when
 *     complete
 */
public record PendingReview(
    long key,
    long processInstanceKey,
    String transactionId,
    ScreenedPayment transaction,
    Double score,
    String modelVersion,
    String rule,
    String reason,
    List<Map<String, Object>> topReasons,
    Map<String, Double> features,
    List<String> candidateGroups,
    Instant waitingSince,
    Integer priority,
    Instant escalatedAt,
    Map<String, Object> decision,
    String degradedReason) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the review task's job carries: the variables the form shows. The decision stays the
   * table's whole result, so an output column the risk team adds reaches the form.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Context(
      String transactionId,
      ScreenedPayment transaction,
      Double score,
      String modelVersion,
      Map<String, Object> decision,
      List<Map<String, Object>> topReasons,
      Map<String, Double> features,
      Integer reviewPriority,
      String reviewReason,
      String degradedReason) {}

  static PendingReview from(
      long jobKey,
      long processInstanceKey,
      Context context,
      Map<String, String> headers,
      Instant now) {
    DmnDecision decision =
        context.decision() == null
            ? new DmnDecision(null, null, null)
            : JSON.convertValue(context.decision(), DmnDecision.class);
    return new PendingReview(
        jobKey,
        processInstanceKey,
        context.transactionId(),
        context.transaction(),
        context.score(),
        context.modelVersion(),
        decision.rule(),
        // The display text the review's start listener composed; the table's raw reason otherwise.
        context.reviewReason() != null ? context.reviewReason() : decision.reason(),
        context.topReasons() == null ? List.of() : context.topReasons(),
        context.features() == null ? Map.of() : context.features(),
        candidateGroups(headers.get("io.camunda.zeebe:candidateGroups")),
        now,
        context.reviewPriority(),
        null,
        context.decision(),
        context.degradedReason());
  }

  /** The same review, also offered to {@code group} from {@code at}. */
  PendingReview escalatedTo(String group, Instant at) {
    List<String> groups = new java.util.ArrayList<>(candidateGroups);
    if (!groups.contains(group)) {
      groups.add(group);
    }
    return new PendingReview(
        key,
        processInstanceKey,
        transactionId,
        transaction,
        score,
        modelVersion,
        rule,
        reason,
        topReasons,
        features,
        List.copyOf(groups),
        waitingSince,
        priority,
        escalatedAt == null ? at : escalatedAt,
        decision,
        degradedReason);
  }

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
}
