package io.fraudops.workers.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who reviewed, in Tasklist mode. The embedded engine cannot complete a Camunda user task (no REST
 * API), so the {@code completing} event cannot be raised here; the listener's worker is driven
 * through the one task-listener event this engine raises without REST ({@code assigning}, when a
 * task is created with an assignee), which hands it a real job with the same user-task data. What
 * the record step does with the name is shown on a real review.
 */
@ApplicationTest
class ReviewCompletingListenerTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PROBE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Probe" targetNamespace="http://fraudops.io/test">
        <bpmn:process id="review-listener-probe" isExecutable="true">
          <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
          <bpmn:userTask id="Review">
            <bpmn:extensionElements>
              <zeebe:userTask />
              <zeebe:assignmentDefinition assignee="=who" />
              <zeebe:taskListeners><zeebe:taskListener eventType="assigning" type="fraud.review-completing" /></zeebe:taskListeners>
            </bpmn:extensionElements>
            <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
          </bpmn:userTask>
          <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
          <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired CamundaClient client;
  @Autowired ReviewCompletions completions;
  @Autowired ReviewInbox inbox;
  @Autowired DecisionAudit audit;

  @Test
  void theListenerRecordsTheTasksAssigneeFromTheJob() {
    client
        .newDeployResourceCommand()
        .addResourceBytes(PROBE.getBytes(StandardCharsets.UTF_8), "probe.bpmn")
        .send()
        .join();
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("review-listener-probe")
            .latestVersion()
            .variables(Map.of("who", "ana", "transactionId", "T-probe-" + System.nanoTime()))
            .send()
            .join()
            .getProcessInstanceKey();

    assertThat(
            Eventually.get("the recorded reviewer", WAIT, () -> completions.completedBy(instance)))
        .isEqualTo("ana");
  }

  @Test
  void theRecordedCompleterIsTheAnalystWhateverTheCompletionClaims() {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 650.0);
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
            "the review",
            WAIT,
            () ->
                inbox.pending().stream()
                    .filter(r -> r.processInstanceKey() == instance)
                    .findFirst());
    // What the completing listener writes when "ana" completes the task in Tasklist.
    completions.record(instance, review.transactionId(), null, "ana", Instant.now());

    inbox.complete(
        review.key(), new ReviewOutcome(Verdict.DECLINE, "customer denies it", "somebody-else"));

    DecisionRecord decision =
        Eventually.get(
            "the decision", WAIT, () -> audit.find((String) payment.get("transactionId")));
    assertThat(decision.decidedBy()).isEqualTo("ana");
  }
}
