package io.fraudops.workers.scoring;

import static io.fraudops.workers.TestUsers.analyst;
import static io.fraudops.workers.TestUsers.riskOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
import io.fraudops.model.inference.InferenceConfigStore;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.Resources;
import io.fraudops.workers.ServingFixture;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * End to end through the process: a challenger configured as shadow over HTTP is scored with every
 * payment and recorded in the audit row, while the decision stays the champion's.
 */
@ApplicationTest
class ShadowScoresAuditTest {

  private static final String NAME = "demo-fraud-model";

  @Autowired CamundaClient client;
  @Autowired DecisionAudit audit;
  @Autowired ModelRegistry registry;
  @Autowired InferenceConfigStore configs;
  @Autowired ServingModel serving;
  @Autowired MockMvc http;

  @AfterEach
  void putBackTheSeededModel() {
    new ServingFixture(registry, configs, serving).restoreDefault();
  }

  @Test
  void recordsTheChallengersScoreWithTheChampionsDecision() throws Exception {
    int historyBefore = configs.history().size();
    ModelMetadata sidecar =
        ModelMetadata.read(Resources.bytes("models/demo-fraud-model.json.meta.json"), "demo");
    int challenger =
        registry
            .register(
                NAME,
                Resources.bytes("models/demo-fraud-model.json"),
                ModelFormat.JSON,
                sidecar,
                Map.of())
            .version();
    http.perform(
            post("/models/" + NAME + "/aliases/challenger")
                .with(riskOwner())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": " + challenger + "}"))
        .andExpect(status().isOk());
    http.perform(
            put("/inference-config")
                .with(riskOwner())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
            {"models": [{"name": "demo-fraud-model", "alias": "champion", "role": "decision"},
                        {"name": "demo-fraud-model", "alias": "challenger", "role": "shadow"}],
             "thresholds": {"review": 0.5, "decline": 0.9}}
            """))
        .andExpect(status().isCreated());
    http.perform(
            put("/inference-config")
                .with(riskOwner())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"models\": 3}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.problems[0]").value("models must be a non-empty array"));
    Eventually.get(
        "challenger in shadow",
        Duration.ofSeconds(10),
        () ->
            Optional.of(serving.describe())
                .filter(d -> d.contains("shadows [" + NAME + ":" + challenger + "]")));

    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 950.0);
    client
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payment))
        .send()
        .join();
    DecisionRecord decision =
        Eventually.get(
            "audit row",
            Duration.ofSeconds(30),
            () -> audit.find((String) payment.get("transactionId")));

    assertThat(decision.outcome())
        .isEqualTo(FinalOutcome.DECLINED); // the champion (amount-threshold model) decided
    assertThat(decision.modelVersion()).isEqualTo(NAME + ":1");
    assertThat(decision.shadowScoresJson())
        .contains("\"model\": \"" + NAME + ":" + challenger + "\"")
        .contains("\"score\"");
    assertThat(decision.inferenceConfigVersion()).isNotBlank().isNotEqualTo("default");
    http.perform(get("/inference-config").with(analyst()))
        .andExpect(jsonPath("$.serving.configVersion").value(decision.inferenceConfigVersion()))
        .andExpect(jsonPath("$.history.length()").value(historyBefore + 1));
  }
}
