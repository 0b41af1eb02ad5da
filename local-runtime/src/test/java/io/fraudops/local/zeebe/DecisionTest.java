package io.fraudops.local.zeebe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionTest {

  static EngineFixture fixture;

  @BeforeAll
  static void startAndDeploy() {
    fixture = new EngineFixture();
    fixture.deploy("models/lite-decision.dmn");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void evaluatesADecisionOnRequest() {
    EvaluateDecisionResponse response = evaluate(Map.of("score", 0.2, "amount", 20_000));

    assertThat(response.getDecisionId()).isEqualTo("lite-decision");
    assertThat(response.getDecisionOutput()).isEqualTo("\"REVIEW\"");
    assertThat(response.getEvaluatedDecisions())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.getMatchedRules())
                    .singleElement()
                    .satisfies(r -> assertThat(r.getRuleId()).isEqualTo("Rule_Large")));
  }

  @Test
  void theFirstMatchingRuleWins() {
    assertThat(evaluate(Map.of("score", 0.95, "amount", 20_000)).getDecisionOutput())
        .isEqualTo("\"DECLINE\"");
    assertThat(evaluate(Map.of("score", 0.1, "amount", 5)).getDecisionOutput())
        .isEqualTo("\"APPROVE\"");
  }

  @Test
  void anUnknownDecisionIsRejected() {
    assertThatThrownBy(
            () ->
                fixture
                    .client()
                    .newEvaluateDecisionCommand()
                    .decisionId("no-such-decision")
                    .send()
                    .join())
        .hasMessageContaining("no-such-decision");
  }

  private static EvaluateDecisionResponse evaluate(Map<String, Object> variables) {
    return fixture
        .client()
        .newEvaluateDecisionCommand()
        .decisionId("lite-decision")
        .variables(variables)
        .send()
        .join();
  }
}
