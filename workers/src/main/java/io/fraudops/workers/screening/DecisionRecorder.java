package io.fraudops.workers.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.audit.DecisionRecorded;
import io.fraudops.workers.process.FinalOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a final decision once, counts it, and tells the rest of the application it is recorded.
 */
@Component
class DecisionRecorder {

  static final String ENGINE = "engine";

  private final DecisionAudit audit;
  private final ApplicationEventPublisher events;
  private final MeterRegistry meters;
  private final ObjectMapper json;

  DecisionRecorder(
      DecisionAudit audit,
      ApplicationEventPublisher events,
      MeterRegistry meters,
      ObjectMapper json) {
    this.audit = audit;
    this.events = events;
    this.meters = meters;
    this.json = json;
  }

  /**
   * Writes the row; the event that it is recorded is published with {@link #published}, after
   * commit.
   */
  boolean record(DecisionRecord decision) {
    boolean firstTime = audit.record(decision);
    if (firstTime) {
      meters
          .counter(
              "fraud.decisions",
              "outcome",
              decision.outcome().name(),
              "decidedBy",
              ENGINE.equals(decision.decidedBy()) ? ENGINE : "analyst")
          .increment();
    }
    return firstTime;
  }

  /** Writes the row and tells the rest of the application at once (no surrounding transaction). */
  void recordAndPublish(DecisionRecord decision) {
    boolean firstTime = record(decision);
    published(decision.processInstanceKey(), decision.auditKey(), decision.outcome(), firstTime);
  }

  void published(
      long processInstanceKey, String auditKey, FinalOutcome outcome, boolean firstTime) {
    events.publishEvent(new DecisionRecorded(processInstanceKey, auditKey, outcome, firstTime));
  }

  /** A record's JSON fields as a map (what the process variable holds). */
  @SuppressWarnings("unchecked")
  java.util.Map<String, Object> fields(Object value) {
    return value == null ? null : json.convertValue(value, java.util.Map.class);
  }

  String json(Object value) {
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
