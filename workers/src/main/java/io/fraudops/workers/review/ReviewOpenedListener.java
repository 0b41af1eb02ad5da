package io.fraudops.workers.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.VariablesAsType;
import io.fraudops.workers.payment.PaymentLedger;
import io.fraudops.workers.payment.ReviewOpening;
import io.fraudops.workers.process.DmnDecision;
import io.fraudops.workers.process.ReasonText;
import io.fraudops.workers.process.ScreenedPayment;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The review task's start listener ({@code zeebe:executionListener eventType="start"}): tells the
 * ledger the payment waits for an analyst, with what it needs to answer the payment system and to
 * re-open the review if its instance is lost. Runs in both review modes (Tasklist and the local
 * inbox).
 */
@Component
public class ReviewOpenedListener {

  static final String JOB_TYPE = "fraud.review-opened";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PaymentLedger ledger;
  private final ApplicationEventPublisher events;

  ReviewOpenedListener(PaymentLedger ledger, ApplicationEventPublisher events) {
    this.ledger = ledger;
    this.events = events;
  }

  /**
   * Every variable the review task and the steps after it read: a re-opened review starts from
   * these.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReviewContext(
      String transactionId,
      ScreenedPayment transaction,
      Long receivedAt,
      Map<String, Double> features,
      Boolean featuresComplete,
      String degradedReason,
      Double score,
      Boolean scoreAvailable,
      String modelVersion,
      List<Map<String, Object>> topReasons,
      Map<String, Object> thresholds,
      List<Map<String, Object>> shadowScores,
      String inferenceConfigVersion,
      DmnDecision decision) {}

  @JobWorker(type = JOB_TYPE)
  public void opened(@VariablesAsType ReviewContext context, @ProcessInstanceKey long instance) {
    DmnDecision decision =
        context.decision() == null ? new DmnDecision(null, null, null) : context.decision();
    boolean current =
        ledger.reviewOpened(
            new ReviewOpening(
                context.transactionId(),
                instance,
                decision.rule(),
                ReasonText.of(
                    decision,
                    ReasonText.facts(
                        context.score(),
                        context.thresholds(),
                        context.features(),
                        context.transaction(),
                        context.topReasons(),
                        context.degradedReason())),
                context.score(),
                context.modelVersion(),
                json(context.topReasons()),
                json(context)));
    if (current) {
      events.publishEvent(new ReviewOpened(instance, context.transactionId()));
    }
  }

  private static String json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot keep the review's context", e);
    }
  }
}
