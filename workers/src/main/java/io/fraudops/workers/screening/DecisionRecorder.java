package io.fraudops.workers.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.audit.DecisionRecorded;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Writes a final decision once, counts it, and tells the rest of the application it is recorded. */
@Component
class DecisionRecorder {

  static final String ENGINE = "engine";

  private final DecisionAudit audit;
  private final ApplicationEventPublisher events;
  private final MeterRegistry meters;
  private final ObjectMapper json;

  DecisionRecorder(DecisionAudit audit, ApplicationEventPublisher events, MeterRegistry meters, ObjectMapper json) {
    this.audit = audit;
    this.events = events;
    this.meters = meters;
    this.json = json;
  }

  void record(DecisionRecord decision) {
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
    events.publishEvent(
        new DecisionRecorded(decision.processInstanceKey(), decision.auditKey(), decision.outcome(), firstTime));
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
