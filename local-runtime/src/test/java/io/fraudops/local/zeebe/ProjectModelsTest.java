package io.fraudops.local.zeebe;

import static io.fraudops.local.zeebe.EngineFixture.completing;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's own models (copies of processes/, decision-tables/ and forms/ in /work/main):
 * transaction-screening.bpmn with its user task turned into a job-worker one, as the project
 * deploys it to an engine without Tasklist, fraud-decision.dmn and manual-review.form.
 */
class ProjectModelsTest {

  static EngineFixture fixture;
  static DeploymentEvent deployment;

  @BeforeAll
  static void startAndDeploy() {
    fixture = new EngineFixture();
    deployment =
        fixture
            .client()
            .newDeployResourceCommand()
            .addResourceBytes(
                withJobWorkerUserTasks(EngineFixture.read("project/transaction-screening.bpmn")),
                "transaction-screening.bpmn")
            .addResourceBytes(
                EngineFixture.read("project/fraud-decision.dmn"), "fraud-decision.dmn")
            .addResourceBytes(
                EngineFixture.read("project/manual-review.form"), "manual-review.form")
            .send()
            .join();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void deploysTheProcessTheDecisionTableAndTheForm() {
    assertThat(deployment.getProcesses())
        .singleElement()
        .satisfies(p -> assertThat(p.getBpmnProcessId()).isEqualTo("transaction-screening"));
    assertThat(deployment.getDecisions())
        .singleElement()
        .satisfies(d -> assertThat(d.getDmnDecisionId()).isEqualTo("fraud-decision"));
    assertThat(deployment.getForm())
        .singleElement()
        .satisfies(f -> assertThat(f.getFormId()).isEqualTo("manual-review"));
  }

  @Test
  void aLowRiskPaymentIsApprovedByTheDecisionTable() {
    BlockingQueue<String> recorded = new LinkedBlockingQueue<>();
    try (var workers = new ScreeningWorkers(lowRisk(), recorded)) {
      Map<String, Object> result =
          fixture.runToEnd("transaction-screening", Map.of("transaction", transaction(42)));

      assertThat(result)
          .extractingByKey("decision")
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("outcome", "APPROVE")
          .containsEntry("rule", "LOW_RISK");
      assertThat(recorded).containsExactly("APPROVED");
    }
  }

  @Test
  void incompleteDataGoesToAnAnalystWhoseDecisionIsRecorded() throws Exception {
    BlockingQueue<String> recorded = new LinkedBlockingQueue<>();
    BlockingQueue<ActivatedJob> reviews = new LinkedBlockingQueue<>();
    Map<String, Object> degraded = new java.util.HashMap<>(lowRisk());
    degraded.put("featuresComplete", false);
    degraded.put("degradedReason", "feature store down");
    try (var workers = new ScreeningWorkers(degraded, recorded);
        JobWorker inbox =
            fixture.streamOnlyWorker(
                UserTaskTest.USER_TASK_JOB_TYPE,
                Duration.ofDays(1),
                (c, job) -> reviews.add(job))) {
      var end =
          fixture.startAwaitingEnd(
              "transaction-screening", Map.of("transaction", transaction(900)));

      ActivatedJob review = reviews.poll(20, TimeUnit.SECONDS);
      assertThat(review).isNotNull();
      assertThat(review.getElementId()).isEqualTo("Task_ManualReview");
      assertThat(review.getVariablesAsMap())
          .extractingByKey("decision")
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("outcome", "REVIEW")
          .containsEntry("reason", "Missing data: feature store down");
      fixture
          .client()
          .newCompleteCommand(review)
          .variables(Map.of("reviewDecision", "DECLINE"))
          .send()
          .join();

      assertThat(end.join().getVariablesAsMap()).containsEntry("reviewDecision", "DECLINE");
      assertThat(recorded).containsExactly("DECLINED");
    }
  }

  @Test
  void anInvalidPaymentIsRejectedThroughTheBpmnError() {
    BlockingQueue<String> recorded = new LinkedBlockingQueue<>();
    try (JobWorker validate =
            fixture.worker(
                "fraud.validate-transaction",
                (client, job) ->
                    client
                        .newThrowErrorCommand(job)
                        .errorCode("INVALID_TRANSACTION")
                        .variables(Map.of("validationMessage", "amount must be positive"))
                        .send()
                        .join());
        JobWorker record = fixture.worker("fraud.record-decision", recording(recorded))) {
      Map<String, Object> result =
          fixture.runToEnd("transaction-screening", Map.of("transaction", transaction(-1)));

      assertThat(result).containsEntry("validationMessage", "amount must be positive");
      assertThat(recorded).containsExactly("REJECTED");
    }
  }

  /** The variables the project's workers write before the decision: a benign payment. */
  private static Map<String, Object> lowRisk() {
    return Map.of(
        "featuresComplete",
        true,
        "scoreAvailable",
        true,
        "score",
        0.02,
        "thresholds",
        Map.of("review", 0.5, "decline", 0.9),
        "topReasons",
        List.of(),
        "features",
        Map.of(
            "txn_count_1h", 1,
            "first_time_merchant", 0,
            "distance_from_home_km", 2.5,
            "speed_from_last_kmh", 0,
            "is_night", 0));
  }

  private static Map<String, Object> transaction(double amount) {
    return Map.of("transactionId", "t-" + amount, "amount", amount, "currency", "EUR");
  }

  private static io.camunda.client.api.worker.JobHandler recording(BlockingQueue<String> recorded) {
    return (client, job) -> {
      recorded.add((String) job.getVariablesAsMap().get("outcome"));
      client.newCompleteCommand(job).send().join();
    };
  }

  /** Validate, fetch features and score (all writing {@code variables}) and record the decision. */
  private static final class ScreeningWorkers implements AutoCloseable {
    private final List<JobWorker> workers;

    ScreeningWorkers(Map<String, Object> variables, BlockingQueue<String> recorded) {
      workers =
          List.of(
              fixture.worker("fraud.validate-transaction", completing(Map.of())),
              fixture.worker("fraud.fetch-features", completing(variables)),
              fixture.worker("fraud.score", completing(Map.of())),
              fixture.worker("fraud.record-decision", recording(recorded)));
    }

    @Override
    public void close() {
      workers.forEach(JobWorker::close);
    }
  }

  /**
   * What the project does before deploying to an engine without Tasklist (see ProcessResources).
   */
  private static byte[] withJobWorkerUserTasks(byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      ExtensionElements extensions = task.getExtensionElements();
      extensions
          .getChildElementsByType(ZeebeUserTask.class)
          .forEach(extensions::removeChildElement);
      extensions
          .getChildElementsByType(ZeebePriorityDefinition.class)
          .forEach(extensions::removeChildElement);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(out, model);
    return out.toByteArray();
  }
}
