package io.fraudops.workers.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.process.Verdict;
import io.fraudops.workers.review.PendingReview;
import io.fraudops.workers.review.ReviewInbox;
import io.fraudops.workers.review.ReviewOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Payments whose instance is gone are started again, and lost reviews re-opened, so nothing
 * accepted is lost. The loss is made as the embedded engine's restart makes it: the ledger's rows
 * still point at instances of an earlier engine epoch.
 */
@ApplicationTest
class PaymentRecoveryTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired PaymentIntake intake;
  @Autowired PaymentLedger ledger;
  @Autowired PaymentRecovery recovery;
  @Autowired DecisionAudit audit;
  @Autowired ReviewInbox inbox;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aScreeningLostWithItsEngineIsStartedAgainAndDecidedOnce() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 42.0);
    String id = (String) payment.get("transactionId");
    Submission submission = intake.submit(payment, "api");
    assertThat(submission).isInstanceOf(Submission.Accepted.class);
    Eventually.get("decided", WAIT, () -> ledger.find(id).filter(p -> p.status().isFinal()));
    // As if the engine had died before the decision: back to screening in an instance of an earlier
    // epoch.
    jdbc.update("DELETE FROM decision_audit WHERE transaction_id = ?", id);
    jdbc.update(
        "UPDATE payment SET status = 'SCREENING', outcome = NULL, engine_epoch = 'an-earlier-engine',"
            + " process_instance_key = 1 WHERE transaction_id = ?",
        id);

    Eventually.get(
        "started again and decided", WAIT, () -> ledger.find(id).filter(p -> p.status().isFinal()));
    Payment recovered = ledger.find(id).orElseThrow();
    assertThat(recovered.outcome()).isEqualTo(FinalOutcome.APPROVED);
    assertThat(recovered.attempts()).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM decision_audit WHERE transaction_id = ?", Long.class, id))
        .isEqualTo(1);
    // Features and the offline payment are keyed by the id: the second screening counted nothing
    // twice.
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM card_transaction WHERE transaction_id = ?", Long.class, id))
        .isEqualTo(1);
    assertThat(ledger.history(id))
        .anyMatch(e -> e.detail().contains("instance lost with engine epoch"));
  }

  @Test
  void aPaymentWhoseStartFailedIsStarted() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 42.0);
    String id = (String) payment.get("transactionId");
    // Ledgered, never started: as if the gateway had refused the create call.
    ledger.admit(
        id,
        "digest-of-a-lost-start",
        PaymentDigest.json(ScreenedPaymentsForTest.of(payment)),
        "api",
        java.time.Instant.now());
    jdbc.update(
        "UPDATE payment SET payload_digest = ?, updated_at = now() - interval '1 hour' WHERE transaction_id = ?",
        PaymentDigest.of(PaymentDigest.json(ScreenedPaymentsForTest.of(payment))),
        id);

    Payment decided =
        Eventually.get(
            "started and decided", WAIT, () -> ledger.find(id).filter(p -> p.status().isFinal()));
    assertThat(decided.outcome()).isEqualTo(FinalOutcome.APPROVED);
  }

  @Test
  void aReviewLostWithItsEngineIsReopenedAsItWasAndDecidedByTheAnalyst() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 700.0);
    String id = (String) payment.get("transactionId");
    intake.submit(payment, "api");
    PendingReview first = reviewOf(id);
    Payment waiting = ledger.find(id).orElseThrow();
    assertThat(waiting.status()).isEqualTo(PaymentStatus.REVIEW_PENDING);
    // The engine "restarts": its review task is gone with it.
    jdbc.update(
        "UPDATE payment SET engine_epoch = 'an-earlier-engine' WHERE transaction_id = ?", id);

    PendingReview reopened =
        Eventually.get(
            "the re-opened review",
            WAIT,
            () ->
                inbox.pending().stream()
                    .filter(
                        r ->
                            id.equals(r.transactionId())
                                && r.processInstanceKey() != first.processInstanceKey())
                    .findFirst());
    assertThat(reopened.rule()).isEqualTo(first.rule());
    assertThat(reopened.score()).isEqualTo(first.score());

    inbox.complete(reopened.key(), new ReviewOutcome(Verdict.DECLINE, "customer denies it", "ana"));
    Eventually.get("the analyst's decision", WAIT, () -> audit.find(id));
    Payment reviewed = ledger.find(id).orElseThrow();
    assertThat(reviewed.status()).isEqualTo(PaymentStatus.REVIEWED);
    assertThat(reviewed.outcome()).isEqualTo(FinalOutcome.DECLINED);
    assertThat(reviewed.decidedBy()).isEqualTo("ana");
    // The stale review of the first instance can no longer decide anything.
    inbox.complete(first.key(), new ReviewOutcome(Verdict.APPROVE, "stale", "bo"));
    Eventually.get(
        "the stale instance finished",
        WAIT,
        () ->
            Optional.of(ledger.find(id).orElseThrow())
                .filter(p -> p.outcome() == FinalOutcome.DECLINED));
    assertThat(audit.find(id).orElseThrow().decidedBy()).isEqualTo("ana");
  }

  private PendingReview reviewOf(String id) {
    return Eventually.get(
        "the review of " + id,
        WAIT,
        () -> inbox.pending().stream().filter(r -> id.equals(r.transactionId())).findFirst());
  }
}
