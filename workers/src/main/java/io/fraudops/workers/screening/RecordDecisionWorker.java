package io.fraudops.workers.screening;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.VariablesAsType;
import io.fraudops.feature.offline.TransactionLedger;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.payment.Decided;
import io.fraudops.workers.payment.Decision;
import io.fraudops.workers.payment.PaymentLedger;
import io.fraudops.workers.process.DecisionInputs;
import io.fraudops.workers.process.DmnDecision;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.process.ReasonText;
import io.fraudops.workers.process.ScreenedPayment;
import io.fraudops.workers.process.Verdict;
import io.fraudops.workers.review.ReviewCompletions;
import io.fraudops.workers.review.ReviewSlaProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the final decision on a valid payment: the ledger's state, the audit row, the payment in
 * the offline transaction store and, for an analyst's verdict, a fraud label. Only the payment's
 * current instance may decide it, and a verdict counts only if that instance opened the review (the
 * ledger saw it), so a forged {@code reviewDecision} decides nothing. Every write is keyed by the
 * transaction id, so a redelivered job writes nothing new.
 *
 * <p>The reason recorded is the table's Reason cell filled with the payment's values ({@link
 * ReasonText}). An expired review ({@code reviewExpired}, set by the record step after the review
 * deadline) is recorded as the engine's decline with rule {@value #REVIEW_EXPIRED}: no verdict, no
 * fraud label. The analyst of a Tasklist review is the user the completing listener saw ({@link
 * ReviewCompletions}), not the {@code reviewedBy} variable, which whoever completes the task could
 * set.
 */
@Component
public class RecordDecisionWorker {

  static final String REVIEW_EXPIRED = "REVIEW_EXPIRED";
  private static final Logger log = LoggerFactory.getLogger(RecordDecisionWorker.class);

  private final TransactionLedger ledger;
  private final PaymentLedger payments;
  private final AnalystLabels analystLabels;
  private final DecisionRecorder recorder;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ReviewCompletions completions;
  private final ReviewSlaProperties sla;

  RecordDecisionWorker(
      TransactionLedger ledger,
      PaymentLedger payments,
      AnalystLabels analystLabels,
      DecisionRecorder recorder,
      TransactionTemplate transactions,
      Clock clock,
      ReviewCompletions completions,
      ReviewSlaProperties sla) {
    this.ledger = ledger;
    this.payments = payments;
    this.analystLabels = analystLabels;
    this.recorder = recorder;
    this.transactions = transactions;
    this.clock = clock;
    this.completions = completions;
    this.sla = sla;
  }

  /**
   * What this worker reads: everything the audit row holds, the decision table's inputs included.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Input(
      FinalOutcome outcome,
      String transactionId,
      ScreenedPayment transaction,
      DmnDecision decision,
      Double score,
      String modelVersion,
      List<Map<String, Object>> topReasons,
      Verdict reviewDecision,
      String reviewComment,
      String reviewedBy,
      Long receivedAt,
      List<Map<String, Object>> shadowScores,
      String inferenceConfigVersion,
      Map<String, Double> features,
      Map<String, Object> thresholds,
      Boolean featuresComplete,
      String degradedReason,
      Boolean scoreAvailable,
      Boolean reviewExpired) {

    /**
     * What the decision table read; nothing after it changes these variables, so they are still as
     * it saw them.
     */
    DecisionInputs decisionInputs(Map<String, Object> payment) {
      return new DecisionInputs(
          transactionId,
          payment,
          features,
          featuresComplete,
          degradedReason,
          score,
          scoreAvailable,
          modelVersion,
          topReasons,
          thresholds);
    }
  }

  /**
   * Adds nothing to the process: the ledger holds the decision, and a variable nobody reads would
   * cost the engine a record, and its state a write, for every payment.
   */
  @JobWorker(type = "fraud.record-decision")
  public void record(@VariablesAsType Input in, @ProcessInstanceKey long instance) {
    if (in.outcome() == null || in.outcome() == FinalOutcome.REJECTED) {
      throw new IllegalStateException(
          "fraud.record-decision records approvals and declines; got outcome "
              + in.outcome()
              + " (the BPMN's record task must set outcome APPROVED or DECLINED)");
    }
    boolean expired = Boolean.TRUE.equals(in.reviewExpired());
    if (expired && in.outcome() != FinalOutcome.DECLINED) {
      throw new IllegalStateException(
          "an expired review is recorded as DECLINED, never "
              + in.outcome()
              + " (check the BPMN's Record expired review task)");
    }
    Transaction tx = in.transaction().toTransaction();
    DmnDecision dmn = in.decision() == null ? new DmnDecision(null, null, null) : in.decision();
    String composed =
        ReasonText.of(
            dmn,
            ReasonText.facts(
                in.score(),
                in.thresholds(),
                in.features(),
                in.transaction(),
                in.topReasons(),
                in.degradedReason()));
    String recordedRule = expired ? REVIEW_EXPIRED : dmn.rule();
    String recordedReason = expired ? expiredReason(dmn.rule(), composed) : composed;
    // An expired review carries no verdict, whatever variables the instance holds.
    String verdictBy = expired || in.reviewDecision() == null ? null : reviewer(in, instance);
    String topReasons = recorder.json(in.topReasons());
    String decisionInputs = recorder.json(in.decisionInputs(recorder.fields(in.transaction())));
    // One database transaction: the ledger's decision, the audit row, the payment and the analyst's
    // label
    // are all written, or none is (the job is then retried).
    Decision decision =
        transactions.execute(
            status -> {
              Decision d =
                  payments.decide(
                      new Decided(
                          in.transactionId(),
                          instance,
                          in.outcome(),
                          verdictBy,
                          recordedRule,
                          recordedReason,
                          in.score(),
                          in.modelVersion(),
                          topReasons));
              if (!d.applied()) {
                return d;
              }
              boolean reviewed = !DecisionRecorder.ENGINE.equals(d.decidedBy());
              Instant now = clock.instant();
              ledger.record(tx);
              if (reviewed) {
                analystLabels.recordOffline(tx, in.outcome() == FinalOutcome.DECLINED, now);
              }
              recorder.record(
                  new DecisionRecord(
                      in.transactionId(),
                      in.transactionId(),
                      instance,
                      in.outcome(),
                      dmn.outcome(),
                      d.decidedBy(),
                      in.score(),
                      in.modelVersion(),
                      recordedRule,
                      recordedReason,
                      reviewed ? in.reviewComment() : null,
                      topReasons,
                      ReceiptLatency.millis(in.receivedAt(), now),
                      now,
                      recorder.json(in.shadowScores()),
                      in.inferenceConfigVersion(),
                      decisionInputs));
              return d;
            });
    if (!decision.applied()) {
      log.info(
          "Instance {} is not the current one of {} (ledger: {}); it records nothing",
          instance,
          in.transactionId(),
          decision.status());
      return;
    }
    if (in.reviewDecision() != null
        && !expired
        && DecisionRecorder.ENGINE.equals(decision.decidedBy())) {
      log.warn(
          "Instance {} carries a review verdict for {} but never opened a review: the verdict is ignored",
          instance,
          in.transactionId());
    }
    if (!DecisionRecorder.ENGINE.equals(decision.decidedBy())) {
      // Redis is outside the database transaction; the label is keyed by transaction and source, so
      // a retry adds nothing.
      analystLabels.recordOnline(tx, in.outcome() == FinalOutcome.DECLINED, clock.instant());
    }
    recorder.published(instance, in.transactionId(), in.outcome(), true);
  }

  /** Why an expired review was declined, with what had sent it to review. */
  private String expiredReason(String rule, String reason) {
    String deadline = sla.deadline().toString().substring(2).toLowerCase(Locale.ROOT);
    return "No analyst decided within "
        + deadline
        + ": declined without a verdict (sent to review by "
        + rule
        + ": "
        + reason
        + ")";
  }

  /**
   * The analyst: the Tasklist user the completing listener recorded, else as the review step
   * recorded them (the local inbox); the verdict counts only if the ledger saw the review open.
   */
  private String reviewer(Input in, long instance) {
    return completions
        .completedBy(instance)
        .orElse(in.reviewedBy() == null || in.reviewedBy().isBlank() ? "analyst" : in.reviewedBy());
  }
}
