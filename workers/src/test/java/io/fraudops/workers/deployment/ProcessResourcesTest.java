package io.fraudops.workers.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.DeploymentEvent;
import io.fraudops.workers.EngineFixture;
import io.fraudops.workers.deployment.ProcessResources.DeployableResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProcessResourcesTest {

  private static EngineFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new EngineFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void shipsTheProcessTheDecisionTableAndTheForm() {
    assertThat(ProcessResources.load(false))
        .extracting(DeployableResource::name)
        .containsExactlyInAnyOrder(
            "transaction-screening.bpmn", "fraud-decision.dmn", "manual-review.form");
  }

  @Test
  void keepsTheCamundaUserTaskForTasklist() {
    String bpmn = bpmn(ProcessResources.load(false));
    assertThat(bpmn)
        .contains("<zeebe:userTask")
        .contains("formId=\"manual-review\"")
        .contains("candidateGroups=\"fraud-analysts\"")
        .contains("priority=\"=reviewPriority\"")
        .contains("eventType=\"completing\" type=\"fraud.review-completing\"");
  }

  @Test
  void turnsTheUserTaskIntoAJobWorkerUserTaskForTheEmbeddedEngine() {
    String bpmn = bpmn(ProcessResources.load(true));
    assertThat(bpmn)
        .doesNotContain("zeebe:userTask")
        .as("the engine refuses task listeners and a priority on a job-worker user task")
        .doesNotContain("taskListener")
        .doesNotContain("priorityDefinition")
        .contains("candidateGroups=\"fraud-analysts\"")
        .contains("type=\"fraud.review-opened\"")
        .contains("type=\"fraud.review-sla\"")
        .contains("=reviewEscalateAfter")
        .contains("=reviewDeadline");
  }

  @Test
  void theProcessBindsTheTableByTheVersionTagTheTableCarries() {
    List<DeployableResource> resources = ProcessResources.load(false);
    DecisionTable table =
        DecisionTable.of(
            resources.stream().filter(DeployableResource::isDecision).findFirst().orElseThrow());
    assertThat(table.decisionId()).isEqualTo("fraud-decision");
    assertThat(bpmn(resources))
        .contains(
            "<zeebe:calledDecision decisionId=\"fraud-decision\" resultVariable=\"decision\" bindingType=\"versionTag\""
                + " versionTag=\""
                + table.versionTag()
                + "\" />");
  }

  @Test
  void bothVariantsDeployTogetherWithTheDecisionAndTheForm() {
    for (boolean jobWorker : new boolean[] {true, false}) {
      var command = fixture.client().newDeployResourceCommand();
      List<DeployableResource> resources = ProcessResources.load(jobWorker);
      var step = command.addResourceBytes(resources.get(0).content(), resources.get(0).name());
      for (DeployableResource r : resources.subList(1, resources.size())) {
        step = step.addResourceBytes(r.content(), r.name());
      }
      DeploymentEvent deployed = step.send().join();
      assertThat(deployed.getProcesses())
          .extracting(p -> p.getBpmnProcessId())
          .containsExactly("transaction-screening");
      assertThat(deployed.getDecisions())
          .extracting(d -> d.getDmnDecisionId())
          .containsExactly("fraud-decision");
      assertThat(deployed.getForm())
          .extracting(f -> f.getFormId())
          .containsExactly("manual-review");
    }
  }

  private static String bpmn(List<DeployableResource> resources) {
    return resources.stream()
        .filter(r -> r.name().endsWith(".bpmn"))
        .map(r -> new String(r.content(), StandardCharsets.UTF_8))
        .findFirst()
        .orElseThrow();
  }
}
