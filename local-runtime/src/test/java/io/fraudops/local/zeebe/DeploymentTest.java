package io.fraudops.local.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.DeploymentEvent;
import org.junit.jupiter.api.Test;

class DeploymentTest {

  @Test
  void deploysAProcessADecisionTableAndAFormTogether() {
    try (EngineFixture fixture = new EngineFixture()) {
      DeploymentEvent deployment =
          fixture.deploy(
              "models/review-with-escalation.bpmn",
              "models/lite-decision.dmn",
              "models/lite-review.form");

      assertThat(deployment.getProcesses())
          .singleElement()
          .satisfies(p -> assertThat(p.getBpmnProcessId()).isEqualTo("review-with-escalation"));
      assertThat(deployment.getDecisions())
          .singleElement()
          .satisfies(d -> assertThat(d.getDmnDecisionId()).isEqualTo("lite-decision"));
      assertThat(deployment.getDecisionRequirements()).hasSize(1);
      assertThat(deployment.getForm())
          .singleElement()
          .satisfies(f -> assertThat(f.getFormId()).isEqualTo("lite-review"));
    }
  }

  @Test
  void redeployingUnchangedResourcesKeepsTheirVersion() {
    try (EngineFixture fixture = new EngineFixture()) {
      int first = fixture.deploy("models/screening-lite.bpmn").getProcesses().get(0).getVersion();
      int again = fixture.deploy("models/screening-lite.bpmn").getProcesses().get(0).getVersion();

      assertThat(again).isEqualTo(first);
    }
  }
}
