package io.fraudops.workers.payment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The answer a payment's ledger state gives. */
final class Answers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> REASONS = new TypeReference<>() {};

  private Answers() {}

  static Answer of(Payment p) {
    Answer.AnswerStatus status =
        switch (p.status()) {
          case RECEIVED, SCREENING -> Answer.AnswerStatus.PENDING;
          case REVIEW_PENDING -> Answer.AnswerStatus.REVIEW_PENDING;
          case DECIDED, REVIEWED ->
              switch (p.outcome()) {
                case APPROVED -> Answer.AnswerStatus.APPROVED;
                case DECLINED -> Answer.AnswerStatus.DECLINED;
                case REJECTED -> Answer.AnswerStatus.REJECTED;
              };
          case REJECTED -> Answer.AnswerStatus.REJECTED;
        };
    boolean known = status != Answer.AnswerStatus.PENDING;
    return new Answer(
        p.transactionId(),
        status,
        known ? p.reason() : null,
        known ? p.rule() : null,
        known ? p.score() : null,
        known ? p.modelVersion() : null,
        known ? reasons(p.topReasonsJson()) : null,
        p.status().isFinal() ? (p.status() == PaymentStatus.REVIEWED ? "analyst" : "engine") : null,
        p.receivedAt(),
        p.updatedAt(),
        "/transactions/"
            + org.springframework.web.util.UriUtils.encodePathSegment(p.transactionId(), "UTF-8"),
        null);
  }

  private static List<Map<String, Object>> reasons(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, REASONS);
    } catch (Exception e) {
      return null;
    }
  }
}
