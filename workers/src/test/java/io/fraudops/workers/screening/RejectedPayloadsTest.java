package io.fraudops.workers.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9's bad payloads through the whole process: each ends REJECTED with its reason, none in an
 * incident.
 */
@ApplicationTest
class RejectedPayloadsTest {

  @Autowired CamundaClient client;
  @Autowired DecisionAudit audit;

  @Test
  void aNulByteInTheIdIsRejectedAndTheRejectionIsRecorded() {
    Map<String, Object> sent =
        Payments.sent(Payments.newCustomer(), 12.0, Instant.now(), "4111111111111111");
    sent.put("transactionId", "T-nul\u0000");

    DecisionRecord rejection =
        rejectionOf(start(Payments.CARDS.tokenize(sent), System.currentTimeMillis()));

    assertThat(rejection.reason())
        .isEqualTo(
            "transactionId must contain only printable characters (found U+0000 at position 6)");
    // The claimed id is not kept: PostgreSQL refuses the NUL byte, which once made this row fail.
    assertThat(rejection.transactionId()).isNull();
    assertThat(rejection.latencyMs()).isNotNull().isNotNegative();
  }

  @Test
  void aReceiptTimeFarInTheFutureIsRejectedAndNoNegativeLatencyStored() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 12.0);
    long receivedAt = System.currentTimeMillis() + 98_203_912_037_199L;

    DecisionRecord rejection = rejectionOf(start(payment, receivedAt));

    assertThat(rejection.reason())
        .startsWith("receivedAt must not be more than 5 minutes in the future (got 5");
    assertThat(rejection.transactionId()).isEqualTo(payment.get("transactionId"));
    assertThat(rejection.latencyMs()).isNull();
  }

  @Test
  void anUnreadableReceiptTimeIsRejectedToo() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 12.0);

    DecisionRecord rejection = rejectionOf(start(payment, "yesterday"));

    assertThat(rejection.reason())
        .isEqualTo("receivedAt must be epoch milliseconds, a whole number (got 'yesterday')");
    assertThat(rejection.latencyMs()).isNull();
  }

  private long start(Map<String, Object> payment, Object receivedAt) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payment, "receivedAt", receivedAt))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private DecisionRecord rejectionOf(long instance) {
    DecisionRecord decision =
        Eventually.get(
            "the rejection of instance " + instance,
            Duration.ofSeconds(30),
            () -> audit.findByProcessInstance(instance));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.REJECTED);
    return decision;
  }
}
