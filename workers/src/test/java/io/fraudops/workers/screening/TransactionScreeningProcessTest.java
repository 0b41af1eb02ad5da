package io.fraudops.workers.screening;

import static io.fraudops.workers.TestUsers.analyst;
import static io.fraudops.workers.TestUsers.paymentSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.TestUsers;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.process.RoutedOutcome;
import io.fraudops.workers.review.PendingReview;
import io.fraudops.workers.review.ReviewInbox;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The real BPMN and DMN in the embedded engine, with the real workers, PostgreSQL and Redis. The
 * test model scores from the amount alone: up to 500 low, 500–900 grey (0.5), above 900 high.
 */
@ApplicationTest
class TransactionScreeningProcessTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired CamundaClient client;
  @Autowired DecisionAudit audit;
  @Autowired ReviewInbox inbox;
  @Autowired MockMvc http;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void approvesALowRiskPayment() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 120.0);
    start(payment);
    DecisionRecord decision = decisionOf((String) payment.get("transactionId"));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.APPROVED);
    assertThat(decision.routedTo()).isEqualTo(RoutedOutcome.APPROVE);
    assertThat(decision.dmnRule()).isEqualTo("LOW_RISK");
    assertThat(decision.decidedBy()).isEqualTo("engine");
    assertThat(decision.score()).isLessThan(0.01);
    assertThat(decision.modelVersion()).isNotBlank();
    assertThat(decision.latencyMs()).isNotNull().isGreaterThanOrEqualTo(0L);
  }

  @Test
  void declinesAHighScore() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 950.0);
    start(payment);
    DecisionRecord decision = decisionOf((String) payment.get("transactionId"));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.DECLINED);
    assertThat(decision.dmnRule()).isEqualTo("SCORE_VERY_HIGH");
    assertThat(decision.score()).isGreaterThan(0.9);
    assertThat(decision.topReasonsJson()).contains("amount");
  }

  @Test
  void sendsAGreyScoreToAnAnalystWhoDeclinesIt() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 700.0);
    long instance = start(payment);
    PendingReview review = reviewOf(instance);
    assertThat(review.rule()).isEqualTo("SCORE_ELEVATED");
    assertThat(review.score()).isEqualTo(0.5);
    assertThat(review.candidateGroups()).containsExactly("fraud-analysts");
    assertThat(review.transaction().toString())
        .doesNotContain("4111111111111111")
        .contains("411111******1111");
    assertThat(audit.find((String) payment.get("transactionId"))).isEmpty();

    inbox.complete(
        review.key(),
        new io.fraudops.workers.review.ReviewOutcome(
            io.fraudops.workers.process.Verdict.DECLINE, "customer denies it", "ana"));

    DecisionRecord decision = decisionOf((String) payment.get("transactionId"));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.DECLINED);
    assertThat(decision.routedTo()).isEqualTo(RoutedOutcome.REVIEW);
    assertThat(decision.decidedBy()).isEqualTo("ana");
    assertThat(decision.reviewComment()).isEqualTo("customer denies it");
    assertThat(
            jdbc.queryForObject(
                "SELECT fraud FROM transaction_label WHERE transaction_id = ? AND source = 'analyst'",
                Boolean.class,
                payment.get("transactionId")))
        .isTrue();
  }

  @Test
  void analystsApproveThroughTheHttpInbox() throws Exception {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 650.0);
    long instance = start(payment);
    PendingReview review = reviewOf(instance);

    http.perform(get("/reviews").with(analyst()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.key == " + review.key() + ")].rule").value("SCORE_ELEVATED"));
    http.perform(
            post("/reviews/" + review.key())
                .with(analyst())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"MAYBE\",\"comment\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.error").value(org.hamcrest.Matchers.containsString("APPROVE or DECLINE")));
    // The reviewer is whoever authenticated: a body naming someone else is refused, not ignored.
    http.perform(
            post("/reviews/" + review.key())
                .with(analyst())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"decision\":\"approve\",\"comment\":\"called the customer\",\"analyst\":\"bo\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.error")
                .value(
                    org.hamcrest.Matchers.startsWith(
                        "analyst is not accepted: the review is recorded under the user you authenticated as")));
    http.perform(
            post("/reviews/" + review.key())
                .with(analyst())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"approve\",\"comment\":\"called the customer\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reviewedBy").value(TestUsers.ANALYST));
    http.perform(
            post("/reviews/" + review.key())
                .with(analyst())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"APPROVE\",\"comment\":\"again\"}"))
        .andExpect(status().isNotFound());

    DecisionRecord decision = decisionOf((String) payment.get("transactionId"));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.APPROVED);
    assertThat(decision.decidedBy()).isEqualTo(TestUsers.ANALYST);
    assertThat(decision.reviewComment()).isEqualTo("called the customer");
  }

  @Test
  void screensAPaymentPostedOverHttp() throws Exception {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 42.0);
    String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(payment);
    http.perform(
            post("/transactions")
                .with(paymentSystem())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Prefer", "wait=30")
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"))
        .andExpect(jsonPath("$.rule").value("LOW_RISK"))
        .andExpect(jsonPath("$.score").isNumber());
    DecisionRecord decision = decisionOf((String) payment.get("transactionId"));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.APPROVED);
    assertThat(decision.latencyMs()).isNotNull();
  }

  @Test
  void rejectsAnInvalidPayloadWithTheValidationMessage() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), -5.0);
    payment.put("currency", "EURO");
    long instance = start(payment);
    DecisionRecord decision =
        Eventually.get(
            "the rejection of instance " + instance,
            WAIT,
            () -> audit.findByProcessInstance(instance));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.REJECTED);
    assertThat(decision.dmnRule()).isEqualTo("INVALID_TRANSACTION");
    assertThat(decision.auditKey()).startsWith("rejected-" + instance + "-");
    assertThat(decision.reason()).contains("amount").contains("currency");
    assertThat(decision.transactionId()).isEqualTo(payment.get("transactionId"));
  }

  @Test
  void rejectsAStartWithoutAnyTransaction() {
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("transaction-screening")
            .latestVersion()
            .variables(Map.of("foo", 1))
            .send()
            .join()
            .getProcessInstanceKey();
    DecisionRecord decision =
        Eventually.get(
            "the rejection of instance " + instance,
            WAIT,
            () -> audit.findByProcessInstance(instance));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.REJECTED);
    assertThat(decision.reason()).contains("transaction");
  }

  private long start(Map<String, Object> payment) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payment, "receivedAt", System.currentTimeMillis()))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private DecisionRecord decisionOf(String transactionId) {
    return Eventually.get(
        "the decision on " + transactionId, WAIT, () -> audit.find(transactionId));
  }

  private PendingReview reviewOf(long instance) {
    return Eventually.get(
        "a review of instance " + instance,
        WAIT,
        () -> inbox.pending().stream().filter(r -> r.processInstanceKey() == instance).findFirst());
  }
}
