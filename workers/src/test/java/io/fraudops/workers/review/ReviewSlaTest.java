package io.fraudops.workers.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.fraudops.local.zeebe.EmbeddedEngine;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.payment.Payment;
import io.fraudops.workers.payment.PaymentEvent;
import io.fraudops.workers.payment.PaymentLedger;
import io.fraudops.workers.payment.PaymentStatus;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.process.RoutedOutcome;
import io.fraudops.workers.process.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review SLA on the engine's clock: an untouched review goes to the escalation group after
 * {@code fraud.review.sla.escalate-after} and still waits; at the deadline it expires and the
 * payment is declined (REVIEW_EXPIRED) through the normal record step, one decision in the ledger
 * and the audit.
 */
@ApplicationTest
class ReviewSlaTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired ReviewInbox inbox;
  @Autowired PaymentLedger ledger;
  @Autowired DecisionAudit audit;
  @Autowired ReviewSlaProperties sla;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anUntouchedReviewIsEscalatedAndThenDeclinedAtItsDeadline() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 700.0);
    String id = (String) payment.get("transactionId");
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("transaction-screening")
            .latestVersion()
            .variables(Map.of("transaction", payment, "receivedAt", System.currentTimeMillis()))
            .send()
            .join()
            .getProcessInstanceKey();
    PendingReview review =
        Eventually.get(
            "the review of " + id,
            WAIT,
            () ->
                inbox.pending().stream()
                    .filter(r -> r.processInstanceKey() == instance)
                    .findFirst());
    assertThat(review.candidateGroups()).containsExactly("fraud-analysts");
    assertThat(review.escalatedAt()).isNull();
    assertThat(review.priority()).isEqualTo(ReviewPriority.of(0.5, new BigDecimal("700.0")));
    assertThat(review.reason())
        .as("the display text, placeholders filled")
        .startsWith(
            "Model score 0.5 between the review threshold 0.5 and the decline threshold 0.9");

    engine.increaseTime(sla.escalateAfter().plusMinutes(1));

    PendingReview escalated =
        Eventually.get(
            "the escalation of " + id,
            WAIT,
            () -> inbox.find(review.key()).filter(r -> r.escalatedAt() != null));
    assertThat(escalated.candidateGroups())
        .containsExactly("fraud-analysts", sla.escalationGroup());
    Eventually.get(
        "the escalation in the payment's history",
        WAIT,
        () ->
            ledger.history(id).stream()
                .map(PaymentEvent::detail)
                .filter(d -> d.contains("escalated to " + sla.escalationGroup()))
                .findFirst());
    assertThat(ledger.find(id).orElseThrow().status())
        .as("escalated, still waiting")
        .isEqualTo(PaymentStatus.REVIEW_PENDING);
    assertThat(audit.find(id)).isEmpty();

    engine.increaseTime(sla.deadline().minus(sla.escalateAfter()));

    DecisionRecord decision = Eventually.get("the decision on " + id, WAIT, () -> audit.find(id));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.DECLINED);
    assertThat(decision.routedTo()).isEqualTo(RoutedOutcome.REVIEW);
    assertThat(decision.dmnRule()).isEqualTo("REVIEW_EXPIRED");
    assertThat(decision.decidedBy()).isEqualTo("engine");
    assertThat(decision.reason())
        .startsWith("No analyst decided within 24h")
        .contains("SCORE_ELEVATED");
    Payment decided = ledger.find(id).orElseThrow();
    assertThat(decided.status()).isEqualTo(PaymentStatus.DECIDED);
    assertThat(decided.outcome()).isEqualTo(FinalOutcome.DECLINED);
    assertThat(decided.rule()).isEqualTo("REVIEW_EXPIRED");
    assertThat(ledger.history(id).stream().filter(e -> e.status().isFinal()).count())
        .as("one decision")
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM decision_audit WHERE transaction_id = ?", Long.class, id))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM transaction_label WHERE transaction_id = ?", Long.class, id))
        .as("an expired review is no fraud label")
        .isZero();

    Eventually.get(
        "the expired review gone from the inbox",
        WAIT,
        () -> inbox.find(review.key()).isEmpty() ? Optional.of(true) : Optional.empty());
    assertThatThrownBy(
            () ->
                inbox.complete(review.key(), new ReviewOutcome(Verdict.APPROVE, "too late", "ana")))
        .isInstanceOf(ReviewInbox.UnknownReviewException.class);
  }
}
