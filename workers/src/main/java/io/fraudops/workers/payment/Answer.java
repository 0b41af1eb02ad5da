package io.fraudops.workers.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the payment system is told about a payment.
 *
 * @param status APPROVED, DECLINED, REVIEW_PENDING, REJECTED, or PENDING while screening goes on
 * @param reason why (the decision table's reason, the analyst's verdict, or the validation
 *     problems)
 * @param decidedBy {@code engine} or {@code analyst} once decided
 * @param statusUrl where to ask again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(
    String transactionId,
    AnswerStatus status,
    String reason,
    String rule,
    Double score,
    String modelVersion,
    List<Map<String, Object>> topReasons,
    String decidedBy,
    Instant receivedAt,
    Instant updatedAt,
    String statusUrl,
    List<PaymentEvent> history) {

  /** The status a payment system acts on. */
  public enum AnswerStatus {
    APPROVED,
    DECLINED,
    REVIEW_PENDING,
    REJECTED,
    PENDING;

    public boolean isFinal() {
      return this == APPROVED || this == DECLINED || this == REJECTED;
    }
  }

  Answer withHistory(List<PaymentEvent> events) {
    return new Answer(
        transactionId,
        status,
        reason,
        rule,
        score,
        modelVersion,
        topReasons,
        decidedBy,
        receivedAt,
        updatedAt,
        statusUrl,
        events);
  }
}
