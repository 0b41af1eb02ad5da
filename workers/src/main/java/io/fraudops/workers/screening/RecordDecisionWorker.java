package io.fraudops.workers.screening;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.VariablesAsType;
import io.fraudops.feature.offline.TransactionLedger;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.DmnDecision;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.process.ScreenedPayment;
import io.fraudops.workers.process.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes the final decision on a valid payment to the audit table and the payment to the offline
 * transaction store; an analyst's verdict also becomes a fraud label. Every write is keyed by the
 * transaction id, so a redelivered job writes nothing new.
 */
@Component
public class RecordDecisionWorker {

  private final TransactionLedger ledger;
  private final AnalystLabels analystLabels;
  private final DecisionRecorder recorder;
  private final Clock clock;

  RecordDecisionWorker(
      TransactionLedger ledger, AnalystLabels analystLabels, DecisionRecorder recorder, Clock clock) {
    this.ledger = ledger;
    this.analystLabels = analystLabels;
    this.recorder = recorder;
    this.clock = clock;
  }

  /** What this worker reads: everything the audit row holds. */
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
      String inferenceConfigVersion) {}

  /** What it adds: the outcome that was recorded. */
  public record Recorded(FinalOutcome finalDecision) {}

  @JobWorker(type = "fraud.record-decision")
  public Recorded record(@VariablesAsType Input in, @ProcessInstanceKey long instance) {
    if (in.outcome() == null || in.outcome() == FinalOutcome.REJECTED) {
      throw new IllegalStateException(
          "fraud.record-decision records approvals and declines; got outcome " + in.outcome()
              + " (the BPMN's record task must set outcome APPROVED or DECLINED)");
    }
    Transaction tx = in.transaction().toTransaction();
    ledger.record(tx);
    boolean reviewed = in.reviewDecision() != null;
    Instant now = clock.instant();
    if (reviewed) {
      analystLabels.record(tx, in.outcome() == FinalOutcome.DECLINED, now);
    }
    DmnDecision dmn = in.decision() == null ? new DmnDecision(null, null, null) : in.decision();
    DecisionRecord record =
        new DecisionRecord(
            in.transactionId(),
            in.transactionId(),
            instance,
            in.outcome(),
            dmn.outcome(),
            reviewed ? (in.reviewedBy() == null ? "analyst" : in.reviewedBy()) : DecisionRecorder.ENGINE,
            in.score(),
            in.modelVersion(),
            dmn.rule(),
            dmn.reason(),
            reviewed ? in.reviewComment() : null,
            recorder.json(in.topReasons()),
            ReceiptLatency.millis(in.receivedAt(), now),
            now,
            recorder.json(in.shadowScores()),
            in.inferenceConfigVersion());
    recorder.record(record);
    return new Recorded(in.outcome());
  }
}
