package io.fraudops.workers.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.fraudops.feature.FeatureService;
import io.fraudops.feature.transaction.TransactionParser;
import io.fraudops.local.zeebe.EmbeddedEngine;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.process.FinalOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Zeebe delivers jobs at least once. Here the engine really hands the same job out twice: the
 * handler runs, its result is never reported (as when a worker dies), the job times out, and the
 * handler runs again. Features and the audit row must count the payment once.
 */
@SpringBootTest(
    properties = {
      "camunda.client.worker.override[fraud.fetch-features].enabled=false",
      "camunda.client.worker.override[fraud.record-decision].enabled=false"
    })
@ActiveProfiles("test")
class RedeliveredJobsTest {

  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired FetchFeaturesWorker fetchFeatures;
  @Autowired RecordDecisionWorker recordDecision;
  @Autowired FeatureService features;
  @Autowired TransactionParser parser;
  @Autowired DecisionAudit audit;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRedeliveredJobCountsThePaymentOnce() {
    String customer = Payments.newCustomer();
    Instant at = Instant.now().minusSeconds(60);
    Map<String, Object> payment = Payments.payment(customer, 80.0, at);
    String transactionId = (String) payment.get("transactionId");
    client
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payment, "receivedAt", System.currentTimeMillis()))
        .send()
        .join();

    ActivatedJob first = activate("fraud.fetch-features");
    fetchFeatures.fetch(
        first.getVariablesAsType(
            FetchFeaturesWorker.Input.class)); // side effects done, result lost
    engine.increaseTime(JOB_TIMEOUT.plusSeconds(1));
    ActivatedJob again = activate("fraud.fetch-features");
    assertThat(again.getKey()).isEqualTo(first.getKey());
    FetchFeaturesWorker.FeaturesFetched result =
        fetchFeatures.fetch(again.getVariablesAsType(FetchFeaturesWorker.Input.class));
    client.newCompleteCommand(again).variables(result).send().join();
    assertThat(result.features().get("txn_count_24h")).isZero();

    ActivatedJob record = activate("fraud.record-decision");
    recordDecision.record(
        record.getVariablesAsType(RecordDecisionWorker.Input.class),
        record.getProcessInstanceKey());
    engine.increaseTime(JOB_TIMEOUT.plusSeconds(1));
    ActivatedJob recordAgain = activate("fraud.record-decision");
    assertThat(recordAgain.getKey()).isEqualTo(record.getKey());
    recordDecision.record(
        recordAgain.getVariablesAsType(RecordDecisionWorker.Input.class),
        recordAgain.getProcessInstanceKey());
    client.newCompleteCommand(recordAgain).send().join();

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM decision_audit WHERE transaction_id = ?",
                Long.class,
                transactionId))
        .isEqualTo(1L);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM card_transaction WHERE transaction_id = ?",
                Long.class,
                transactionId))
        .isEqualTo(1L);
    assertThat(audit.find(transactionId))
        .get()
        .extracting(d -> d.outcome())
        .isEqualTo(FinalOutcome.APPROVED);

    // The customer's next payment sees exactly one earlier payment, not two.
    var next = parser.parse(Payments.payment(customer, 20.0, at.plusSeconds(30)));
    var vector = features.featuresFor(next).vector();
    assertThat(vector.get("txn_count_1h")).isEqualTo(1.0);
    assertThat(vector.get("txn_amount_1h")).isEqualTo(80.0);
  }

  private ActivatedJob activate(String type) {
    return Eventually.get(
        "a " + type + " job",
        Duration.ofSeconds(30),
        () ->
            client
                .newActivateJobsCommand()
                .jobType(type)
                .maxJobsToActivate(1)
                .timeout(JOB_TIMEOUT)
                .send()
                .join()
                .getJobs()
                .stream()
                .findFirst()
                .map(Optional::of)
                .orElse(Optional.empty()));
  }
}
