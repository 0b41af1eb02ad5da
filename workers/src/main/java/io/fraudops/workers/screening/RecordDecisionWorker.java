package io.fraudops.workers.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.fraudops.feature.offline.TransactionLedger;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.audit.DecisionRecorded;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes the final decision to the audit table, and a valid payment to the offline transaction
 * store. Both writes are keyed (audit key, transaction id), so a redelivered job writes nothing new.
 */
@Component
public class RecordDecisionWorker {

  private final DecisionAudit audit;
  private final TransactionLedger ledger;
  private final ScreeningVariables variables;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;
  private final MeterRegistry meters;
  private final AnalystLabels analystLabels;

  RecordDecisionWorker(
      DecisionAudit audit,
      TransactionLedger ledger,
      ScreeningVariables variables,
      ApplicationEventPublisher events,
      ObjectMapper json,
      Clock clock,
      MeterRegistry meters,
      AnalystLabels analystLabels) {
    this.analystLabels = analystLabels;
    this.audit = audit;
    this.ledger = ledger;
    this.variables = variables;
    this.events = events;
    this.json = json;
    this.clock = clock;
    this.meters = meters;
  }

  @JobWorker(
      type = "fraud.record-decision",
      fetchVariables = {
        "outcome", "transaction", "transactionId", "decision", "score", "modelVersion", "topReasons",
        "reviewDecision", "reviewComment", "reviewedBy", "validationMessage", "receivedAt", "shadowScores",
        "inferenceConfigVersion"
      })
  public Map<String, Object> record(ActivatedJob job) {
    Map<String, Object> vars = job.getVariablesAsMap();
    String outcome = (String) vars.get("outcome");
    String transactionId = (String) vars.get("transactionId");
    boolean rejected = "REJECTED".equals(outcome);
    if (!rejected) {
      Transaction tx = variables.validated(vars);
      ledger.record(tx);
      if (vars.get("reviewDecision") != null) {
        analystLabels.record(tx, "DECLINED".equals(outcome), clock.instant());
      }
    }
    DecisionRecord decision = toRecord(job, vars, outcome, transactionId, rejected);
    boolean firstTime = audit.record(decision);
    if (firstTime) {
      meters.counter("fraud.decisions", "outcome", outcome, "decidedBy", decision.decidedBy().equals("engine") ? "engine" : "analyst").increment();
    }
    events.publishEvent(new DecisionRecorded(job.getProcessInstanceKey(), decision.auditKey(), outcome, firstTime));
    return Map.of("finalDecision", outcome);
  }

  private DecisionRecord toRecord(
      ActivatedJob job, Map<String, Object> vars, String outcome, String transactionId, boolean rejected) {
    Map<?, ?> dmn = vars.get("decision") instanceof Map<?, ?> m ? m : Map.of();
    boolean reviewed = vars.get("reviewDecision") != null;
    Instant now = clock.instant();
    Long latency = vars.get("receivedAt") instanceof Number n ? now.toEpochMilli() - n.longValue() : null;
    return new DecisionRecord(
        rejected || transactionId == null ? RejectionKey.of(job.getProcessInstanceKey(), vars.get("transaction")) : transactionId,
        transactionId != null ? transactionId : rawTransactionId(vars),
        job.getProcessInstanceKey(),
        outcome,
        rejected ? null : (String) dmn.get("outcome"),
        reviewed ? String.valueOf(vars.getOrDefault("reviewedBy", "analyst")) : "engine",
        vars.get("score") instanceof Number s ? s.doubleValue() : null,
        (String) vars.get("modelVersion"),
        rejected ? "INVALID_TRANSACTION" : (String) dmn.get("rule"),
        rejected ? (String) vars.get("validationMessage") : (String) dmn.get("reason"),
        reviewed ? (String) vars.get("reviewComment") : null,
        toJson(vars.get("topReasons")),
        latency,
        now,
        rejected ? null : toJson(vars.get("shadowScores")),
        rejected ? null : (String) vars.get("inferenceConfigVersion"));
  }

  /** The id a rejected payload claimed, if it was a short string; kept for support look-ups. */
  private static String rawTransactionId(Map<String, Object> vars) {
    if (vars.get("transaction") instanceof Map<?, ?> payload
        && payload.get("transactionId") instanceof String id
        && id.length() <= 64) {
      return id;
    }
    return null;
  }

  private String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a process variable cannot be written as JSON", e);
    }
  }
}
