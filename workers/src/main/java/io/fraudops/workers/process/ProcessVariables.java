package io.fraudops.workers.process;

import java.util.Set;

/**
 * Every process variable of {@code transaction-screening}, named once. The BPMN, the decision table
 * and the form read the same names; the workers read them through typed records whose fields carry
 * these names, so the client fetches only what a worker reads.
 */
public final class ProcessVariables {

  /** The payment: as the caller sent it, then replaced by Validate with its normalised form. */
  public static final String TRANSACTION = "transaction";

  /** Epoch millis at which the payment was received, for the audit's latency. */
  public static final String RECEIVED_AT = "receivedAt";

  public static final String TRANSACTION_ID = "transactionId";
  public static final String VALIDATION_MESSAGE = "validationMessage";
  public static final String FEATURES = "features";
  public static final String FEATURES_COMPLETE = "featuresComplete";
  public static final String DEGRADED_REASON = "degradedReason";
  public static final String SCORE = "score";
  public static final String SCORE_AVAILABLE = "scoreAvailable";
  public static final String MODEL_VERSION = "modelVersion";
  public static final String TOP_REASONS = "topReasons";
  public static final String THRESHOLDS = "thresholds";
  public static final String SHADOW_SCORES = "shadowScores";
  public static final String INFERENCE_CONFIG_VERSION = "inferenceConfigVersion";

  /** The decision table's result: {@code {outcome, reason, rule}}. */
  public static final String DECISION = "decision";

  /** Set by the BPMN's record tasks (input mapping): the final outcome being recorded. */
  public static final String OUTCOME = "outcome";

  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String REVIEWED_BY = "reviewedBy";

  /**
   * No longer set (the ledger holds the decision; nothing read it); stays reserved so that a caller
   * cannot supply it, and instances started before still show it.
   */
  public static final String FINAL_DECISION = "finalDecision";

  /**
   * Local to the review task, set by its {@code fraud.review-sla} start listener: the task's
   * priority (0-100).
   */
  public static final String REVIEW_PRIORITY = "reviewPriority";

  /** Local to the review task: the decision's display text, for the form and the inbox. */
  public static final String REVIEW_REASON = "reviewReason";

  /**
   * Local to the review task: ISO-8601 duration until the untouched review also goes to the
   * escalation group.
   */
  public static final String REVIEW_ESCALATE_AFTER = "reviewEscalateAfter";

  /**
   * Local to the review task: ISO-8601 duration until the review expires and the payment is
   * declined.
   */
  public static final String REVIEW_DEADLINE = "reviewDeadline";

  /**
   * Set (input mapping) by the record step that follows the review deadline: the review expired.
   */
  public static final String REVIEW_EXPIRED = "reviewExpired";

  /** What a caller supplies when it starts a screening; every other name belongs to the process. */
  public static final Set<String> CALLER_SUPPLIED = Set.of(TRANSACTION, RECEIVED_AT);

  /** Names only the process may set: a caller supplying one at creation is refused. */
  public static final Set<String> RESERVED =
      Set.of(
          TRANSACTION_ID,
          VALIDATION_MESSAGE,
          FEATURES,
          FEATURES_COMPLETE,
          DEGRADED_REASON,
          SCORE,
          SCORE_AVAILABLE,
          MODEL_VERSION,
          TOP_REASONS,
          THRESHOLDS,
          SHADOW_SCORES,
          INFERENCE_CONFIG_VERSION,
          DECISION,
          OUTCOME,
          REVIEW_DECISION,
          REVIEW_COMMENT,
          REVIEWED_BY,
          FINAL_DECISION,
          REVIEW_PRIORITY,
          REVIEW_REASON,
          REVIEW_ESCALATE_AFTER,
          REVIEW_DEADLINE,
          REVIEW_EXPIRED);

  private ProcessVariables() {}
}
