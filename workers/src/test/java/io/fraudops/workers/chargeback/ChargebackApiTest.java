package io.fraudops.workers.chargeback;

import static io.fraudops.workers.TestUsers.paymentSystem;
import static io.fraudops.workers.TestUsers.riskOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.payment.PaymentEvent;
import io.fraudops.workers.payment.PaymentIntake;
import io.fraudops.workers.payment.PaymentLedger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /chargebacks} on a payment the workers screened. */
@ApplicationTest
class ChargebackApiTest {

  @Autowired MockMvc http;
  @Autowired JdbcTemplate jdbc;
  @Autowired PaymentLedger ledger;
  @Autowired PaymentIntake intake;

  @Test
  void labelsAScreenedPaymentAsFraudOnce() throws Exception {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 42.0);
    String id = (String) payment.get("transactionId");
    intake.submit(payment, "api");
    Eventually.get(
        "the payment decided",
        Duration.ofSeconds(60),
        () -> ledger.find(id).filter(p -> p.status().isFinal()));
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String body =
        "{\"transactionId\":\""
            + id
            + "\",\"reason\":\"4837 no cardholder authorization\",\"date\":\""
            + today
            + "\"}";

    http.perform(
            post("/chargebacks")
                .with(paymentSystem())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.transactionId").value(id))
        .andExpect(jsonPath("$.created").value(true))
        .andExpect(jsonPath("$.knownAt").isString());
    http.perform(
            post("/chargebacks")
                .with(riskOwner())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(false));

    assertThat(
            jdbc.queryForObject(
                "SELECT fraud FROM transaction_label WHERE transaction_id = ? AND source = 'chargeback'",
                Boolean.class,
                id))
        .isTrue();
    assertThat(ledger.history(id))
        .extracting(PaymentEvent::detail)
        .anyMatch(d -> d.startsWith("chargeback reported on " + today));
  }

  @Test
  void anUnknownIdIsNotFoundAndNamed() throws Exception {
    http.perform(
            post("/chargebacks")
                .with(riskOwner())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"transactionId\":\"T-never-seen\",\"reason\":\"fraud\",\"date\":\"2026-01-02\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.transactionId").value("T-never-seen"))
        .andExpect(jsonPath("$.error").value(Matchers.containsString("'T-never-seen'")));
  }

  @Test
  void badInputSaysWhatIsWrong() throws Exception {
    http.perform(
            post("/chargebacks")
                .with(riskOwner())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"transactionId\":\"T1\",\"reason\":\"fraud\",\"date\":\"02/01/2026\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(Matchers.containsString("YYYY-MM-DD")));
    http.perform(
            post("/chargebacks")
                .with(riskOwner())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"transactionId\":\"T1\",\"date\":\"2026-01-02\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("reason is required"));
  }
}
