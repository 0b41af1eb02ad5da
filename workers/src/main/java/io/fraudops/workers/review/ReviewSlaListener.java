package io.fraudops.workers.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.fraudops.workers.payment.PaymentEvent;
import io.fraudops.workers.payment.PaymentLedger;
import io.fraudops.workers.payment.PaymentStatus;
import io.fraudops.workers.process.DmnDecision;
import io.fraudops.workers.process.ReasonText;
import io.fraudops.workers.process.RoutedOutcome;
import io.fraudops.workers.process.ScreenedPayment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The review task's second start listener ({@code fraud.review-sla}, after {@code
 * fraud.review-opened}): sets, as local variables of the task, what its expressions and the
 * analyst's view read: the priority (from the score and the amount), the display reason, and the
 * durations of the two timers. A start listener's variables are in place before the engine
 * evaluates the task's priority and subscribes its boundary timers.
 *
 * <p>The clock starts when the payment first waited for an analyst (the ledger's history): a review
 * re-opened in a new instance after the embedded engine restarted keeps its SLA instead of starting
 * over.
 */
@Component
public class ReviewSlaListener {

  static final String JOB_TYPE = "fraud.review-sla";
  private static final Logger log = LoggerFactory.getLogger(ReviewSlaListener.class);
  private static final Duration SOON = Duration.ofSeconds(1);

  private final ReviewSlaProperties sla;
  private final PaymentLedger ledger;
  private final Clock clock;

  ReviewSlaListener(ReviewSlaProperties sla, PaymentLedger ledger, Clock clock) {
    this.sla = sla;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** The decision table's advice on this review: its Escalate-after cell, if the rule has one. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TableAdvice(RoutedOutcome outcome, String rule, String reason, String escalateAfter) {}

  /** What the listener reads: the decision and the values its reason may name. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Input(
      String transactionId,
      ScreenedPayment transaction,
      Double score,
      Map<String, Double> features,
      Map<String, Object> thresholds,
      List<Map<String, Object>> topReasons,
      String degradedReason,
      TableAdvice decision) {}

  /** The task's local variables (names in ProcessVariables). */
  record Settings(
      int reviewPriority, String reviewReason, String reviewEscalateAfter, String reviewDeadline) {}

  @JobWorker(type = JOB_TYPE)
  public Settings settings(@VariablesAsType Input in) {
    TableAdvice advice =
        in.decision() == null ? new TableAdvice(null, null, null, null) : in.decision();
    Duration waited = waited(in.transactionId());
    Duration escalateAfter = remaining(escalateAfter(advice), waited);
    Duration deadline = remaining(sla.deadline(), waited);
    String reason =
        ReasonText.of(
            new DmnDecision(advice.outcome(), advice.reason(), advice.rule()),
            ReasonText.facts(
                in.score(),
                in.thresholds(),
                in.features(),
                in.transaction(),
                in.topReasons(),
                in.degradedReason()));
    return new Settings(
        ReviewPriority.of(in.score(), in.transaction() == null ? null : in.transaction().amount()),
        reason,
        escalateAfter.toString(),
        deadline.toString());
  }

  /** The rule's own escalation time when the table gives a valid one, else the configured one. */
  private Duration escalateAfter(TableAdvice advice) {
    if (advice.escalateAfter() == null || advice.escalateAfter().isBlank()) {
      return sla.escalateAfter();
    }
    try {
      Duration fromTable = Duration.parse(advice.escalateAfter().trim());
      if (!fromTable.isNegative() && !fromTable.isZero()) {
        return fromTable;
      }
    } catch (DateTimeParseException e) {
      // fall through: a typo in a cell must not hold the review up
    }
    log.warn(
        "Rule {} gives Escalate after '{}', not a positive ISO-8601 duration such as PT1H; using {}",
        advice.rule(),
        advice.escalateAfter(),
        sla.escalateAfter());
    return sla.escalateAfter();
  }

  /** How long the payment has waited for an analyst already (zero for a review opened just now). */
  private Duration waited(String transactionId) {
    if (transactionId == null) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    return ledger.history(transactionId).stream()
        .filter(e -> e.status() == PaymentStatus.REVIEW_PENDING)
        .map(PaymentEvent::at)
        .min(Instant::compareTo)
        .map(opened -> opened.isBefore(now) ? Duration.between(opened, now) : Duration.ZERO)
        .orElse(Duration.ZERO);
  }

  private static Duration remaining(Duration total, Duration waited) {
    Duration left = total.minus(waited);
    return left.compareTo(SOON) < 0 ? SOON : left;
  }
}
