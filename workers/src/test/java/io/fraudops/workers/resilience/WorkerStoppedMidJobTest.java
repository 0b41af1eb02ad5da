package io.fraudops.workers.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.fraudops.local.zeebe.EmbeddedEngine;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.screening.FetchFeaturesWorker;
import io.fraudops.workers.screening.RecordDecisionWorker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A worker that stops in the middle of a job (its process killed, a deployment rolled): worker A
 * takes the record-decision job, runs the application's handler (its writes done) and is closed
 * before it completes; the engine times the job out and hands it to worker B, which runs the same
 * handler and completes it. The payment is decided once: one audit row, one ledger row, one
 * decision counted.
 *
 * <p>Shares RedeliveredJobsTest's context (the same configuration): the application's own
 * record-decision and fetch-features workers are off there, so the test decides who takes the job.
 */
@SpringBootTest(
    properties = {
      "camunda.client.worker.override[fraud.fetch-features].enabled=false",
      "camunda.client.worker.override[fraud.record-decision].enabled=false"
    })
@ActiveProfiles("test")
class WorkerStoppedMidJobTest {

  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired FetchFeaturesWorker fetchFeatures;
  @Autowired RecordDecisionWorker recordDecision;
  @Autowired DecisionAudit audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  @Test
  void aJobLeftByAStoppedWorkerIsDecidedOnceByAnother() throws Exception {
    Map<String, Object> payment =
        Payments.payment(Payments.newCustomer(), 25.0, Instant.now().minusSeconds(30));
    String transactionId = (String) payment.get("transactionId");
    client
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payment, "receivedAt", System.currentTimeMillis()))
        .send()
        .join();
    ActivatedJob fetch = activate("fraud.fetch-features");
    client
        .newCompleteCommand(fetch)
        .variables(fetchFeatures.fetch(fetch.getVariablesAsType(FetchFeaturesWorker.Input.class)))
        .send()
        .join();
    double decided = decisions();

    CountDownLatch handled = new CountDownLatch(1);
    CountDownLatch stop = new CountDownLatch(1);
    JobWorker a =
        client
            .newWorker()
            .jobType("fraud.record-decision")
            .handler(
                (jobs, job) -> {
                  recordDecision.record(
                      job.getVariablesAsType(RecordDecisionWorker.Input.class),
                      job.getProcessInstanceKey());
                  handled.countDown();
                  stop.await(); // the worker stops here: the job is never completed
                })
            .name("worker-a")
            .timeout(JOB_TIMEOUT)
            .maxJobsActive(1)
            .open();
    assertThat(handled.await(60, TimeUnit.SECONDS)).as("worker A took the job").isTrue();
    stop.countDown();
    a.close();

    AtomicInteger completedByB = new AtomicInteger();
    engine.increaseTime(JOB_TIMEOUT.plusSeconds(1));
    try (JobWorker b =
        client
            .newWorker()
            .jobType("fraud.record-decision")
            .handler(
                (jobs, job) -> {
                  recordDecision.record(
                      job.getVariablesAsType(RecordDecisionWorker.Input.class),
                      job.getProcessInstanceKey());
                  jobs.newCompleteCommand(job).send().join();
                  completedByB.incrementAndGet();
                })
            .name("worker-b")
            .timeout(JOB_TIMEOUT)
            .open()) {
      Eventually.get(
          "worker B completed the job",
          Duration.ofSeconds(60),
          () -> Optional.of(completedByB.get()).filter(n -> n > 0));
    }

    assertThat(completedByB.get()).isEqualTo(1);
    assertThat(audit.find(transactionId))
        .get()
        .extracting(d -> d.outcome())
        .isEqualTo(FinalOutcome.APPROVED);
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
    assertThat(decisions()).isEqualTo(decided + 1);
  }

  private double decisions() {
    return meters.find("fraud.decisions").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private ActivatedJob activate(String type) {
    return Eventually.get(
        "a " + type + " job",
        Duration.ofSeconds(60),
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
