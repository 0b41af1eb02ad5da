package io.fraudops.workers.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.TestUsers;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.process.Verdict;
import io.fraudops.workers.review.PendingReview;
import io.fraudops.workers.review.ReviewInbox;
import io.fraudops.workers.review.ReviewOutcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The payment system's view: one call screens a payment and answers its decision; the same id with
 * the same payload is the same payment, with another payload it is refused and touches nothing.
 */
@ApplicationTest
class PaymentApiTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired MockMvc http;
  @Autowired JdbcTemplate jdbc;
  @Autowired DecisionAudit audit;
  @Autowired ReviewInbox inbox;
  @Autowired CamundaClient client;
  @Autowired PaymentLedger ledger;

  @Test
  void answersTheDecisionInTheSameCall() throws Exception {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 42.0);
    screen(payment)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.transactionId").value(payment.get("transactionId")))
        .andExpect(jsonPath("$.status").value("APPROVED"))
        .andExpect(jsonPath("$.rule").value("LOW_RISK"))
        .andExpect(jsonPath("$.modelVersion").isNotEmpty())
        .andExpect(jsonPath("$.decidedBy").value("engine"));
  }

  @Test
  void theSamePaymentAgainGetsTheSameAnswerAndIsScreenedOnce() throws Exception {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 950.0);
    String id = (String) payment.get("transactionId");
    screen(payment).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"));
    screen(payment).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"));

    assertThat(count("SELECT count(*) FROM decision_audit WHERE transaction_id = ?", id))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM card_transaction WHERE transaction_id = ?", id))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM payment_event WHERE transaction_id = ? AND status = 'SCREENING'",
                id))
        .isEqualTo(1);
  }

  @Test
  void theSameIdWithAnotherPayloadIsRefusedAndTouchesNothing() throws Exception {
    Map<String, Object> first = Payments.payment(Payments.newCustomer(), 12.0);
    String id = (String) first.get("transactionId");
    screen(first).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
    String digest = ledger.find(id).orElseThrow().payloadDigest();

    Map<String, Object> second = new HashMap<>(first);
    second.put("amount", 950.0);
    screen(second)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.existingDigest").value(digest))
        .andExpect(jsonPath("$.offeredDigest").isNotEmpty())
        .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString(digest)));

    Payment after = ledger.find(id).orElseThrow();
    assertThat(after.outcome()).isEqualTo(FinalOutcome.APPROVED);
    assertThat(after.payloadDigest()).isEqualTo(digest);
    assertThat(count("SELECT count(*) FROM card_transaction WHERE transaction_id = ?", id))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM transaction_label WHERE transaction_id = ?", id))
        .isZero();
  }

  @Test
  void anInvalidPaymentIsRejectedWithEveryProblem() throws Exception {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), -5.0);
    payment.put("currency", "EURO");
    screen(payment)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.status").value("REJECTED"))
        .andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("amount")))
        .andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("currency")));
    assertThat(ledger.find((String) payment.get("transactionId"))).isEmpty();
  }

  @Test
  void aGreyPaymentWaitsForReviewAndTheAnswerFollowsTheAnalyst() throws Exception {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 700.0);
    String id = (String) payment.get("transactionId");
    screen(payment)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REVIEW_PENDING"))
        .andExpect(jsonPath("$.rule").value("SCORE_ELEVATED"));

    PendingReview review =
        Eventually.get(
            "the review of " + id,
            WAIT,
            () -> inbox.pending().stream().filter(r -> id.equals(r.transactionId())).findFirst());
    inbox.complete(review.key(), new ReviewOutcome(Verdict.DECLINE, "customer denies it", "ana"));

    Eventually.get("the analyst's decision", WAIT, () -> audit.find(id));
    http.perform(get("/transactions/" + id).with(TestUsers.paymentSystem()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DECLINED"))
        .andExpect(jsonPath("$.decidedBy").value("analyst"))
        .andExpect(jsonPath("$.history[0].status").value("RECEIVED"))
        .andExpect(jsonPath("$.history[-1].status").value("REVIEWED"));
  }

  @Test
  void anUnknownPaymentIsNotFound() throws Exception {
    http.perform(get("/transactions/no-such-payment").with(TestUsers.paymentSystem()))
        .andExpect(status().isNotFound());
  }

  @Test
  void aVerdictSuppliedAtCreationIsRefusedAndNobodyIsCreditedWithIt() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 42.0);
    Map<String, Object> variables = new HashMap<>();
    variables.put("transaction", payment);
    variables.put("reviewDecision", "APPROVE");
    variables.put("reviewedBy", "ana");
    variables.put("reviewExpired", false);
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("transaction-screening")
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();

    DecisionRecord rejection =
        Eventually.get(
            "the rejection of instance " + instance,
            WAIT,
            () -> audit.findByProcessInstance(instance));
    assertThat(rejection.outcome()).isEqualTo(FinalOutcome.REJECTED);
    assertThat(rejection.reason())
        .contains("reviewDecision")
        .contains("reviewedBy")
        .contains("reviewExpired");
    assertThat(audit.find((String) payment.get("transactionId"))).isEmpty();
    assertThat(
            count(
                "SELECT count(*) FROM transaction_label WHERE transaction_id = ?",
                payment.get("transactionId")))
        .isZero();
  }

  @Test
  void aPaymentCreatedThroughTheGatewayIsLedgeredAndADuplicateInstanceChangesNothing() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 42.0);
    String id = (String) payment.get("transactionId");
    client
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payment))
        .send()
        .join();
    Payment decided =
        Eventually.get(
            "the ledgered decision", WAIT, () -> ledger.find(id).filter(p -> p.status().isFinal()));
    assertThat(decided.source()).isEqualTo("gateway");
    assertThat(decided.outcome()).isEqualTo(FinalOutcome.APPROVED);

    long duplicate =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("transaction-screening")
            .latestVersion()
            .variables(Map.of("transaction", payment))
            .send()
            .join()
            .getProcessInstanceKey();
    Eventually.get(
        "the duplicate ended",
        WAIT,
        () ->
            ledger.history(id).stream()
                .filter(
                    e -> duplicate == (e.processInstanceKey() == null ? 0 : e.processInstanceKey()))
                .findFirst());
    assertThat(count("SELECT count(*) FROM decision_audit WHERE transaction_id = ?", id))
        .isEqualTo(1);
    assertThat(audit.findByProcessInstance(duplicate)).isEmpty();
    assertThat(ledger.find(id).orElseThrow().processInstanceKey()).isNotEqualTo(duplicate);
  }

  private ResultActions screen(Map<String, Object> payment) throws Exception {
    return http.perform(
        post("/transactions")
            .with(TestUsers.paymentSystem())
            .contentType(MediaType.APPLICATION_JSON)
            .header("Prefer", "wait=30")
            .content(JSON.writeValueAsString(payment)));
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
