package io.fraudops.workers.audit;

import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.process.RoutedOutcome;
import java.time.Instant;

/**
 * The final decision on one screened payment, as written to the audit table.
 *
 * @param auditKey the transaction id, or {@code rejected-<instance key>-<payload digest>} for a
 *     rejected payload; unique, so a redelivered job cannot write twice
 * @param routedTo where the decision table sent the payment, null when rejected
 * @param decidedBy {@code engine}, or the analyst who reviewed it
 * @param latencyMs from receipt to decision; null when unknown, never negative
 * @param shadowScoresJson per shadow model its version and score, recorded and never used to decide
 * @param inferenceConfigVersion the inference configuration's object version that chose the models
 * @param decisionInputsJson what the decision table read ({@code DecisionInputs}), null for a
 *     rejection
 */
public record DecisionRecord(
    String auditKey,
    String transactionId,
    long processInstanceKey,
    FinalOutcome outcome,
    RoutedOutcome routedTo,
    String decidedBy,
    Double score,
    String modelVersion,
    String dmnRule,
    String reason,
    String reviewComment,
    String topReasonsJson,
    Long latencyMs,
    Instant decidedAt,
    String shadowScoresJson,
    String inferenceConfigVersion,
    String decisionInputsJson) {

  public DecisionRecord {
    if (auditKey == null || auditKey.isBlank()) {
      throw new IllegalArgumentException("auditKey is required");
    }
    if (outcome == null) {
      throw new IllegalArgumentException("outcome is required");
    }
    if (decidedBy == null || decidedBy.isBlank()) {
      throw new IllegalArgumentException("decidedBy is required");
    }
    if (decidedAt == null) {
      throw new IllegalArgumentException("decidedAt is required");
    }
    if (latencyMs != null && latencyMs < 0) {
      throw new IllegalArgumentException("latencyMs must not be negative (got " + latencyMs + ")");
    }
  }

  /** A decision without recorded table inputs: a rejection, or a writer that has none. */
  public DecisionRecord(
      String auditKey,
      String transactionId,
      long processInstanceKey,
      FinalOutcome outcome,
      RoutedOutcome routedTo,
      String decidedBy,
      Double score,
      String modelVersion,
      String dmnRule,
      String reason,
      String reviewComment,
      String topReasonsJson,
      Long latencyMs,
      Instant decidedAt,
      String shadowScoresJson,
      String inferenceConfigVersion) {
    this(
        auditKey,
        transactionId,
        processInstanceKey,
        outcome,
        routedTo,
        decidedBy,
        score,
        modelVersion,
        dmnRule,
        reason,
        reviewComment,
        topReasonsJson,
        latencyMs,
        decidedAt,
        shadowScoresJson,
        inferenceConfigVersion,
        null);
  }
}
