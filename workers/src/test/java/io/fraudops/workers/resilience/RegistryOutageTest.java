package io.fraudops.workers.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.fraudops.local.s3.EmbeddedS3;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.review.ReviewInbox;
import io.fraudops.workers.scoring.ServingModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The registry's S3 store stopped: the model served before keeps scoring, and health says so. */
@ApplicationTest
class RegistryOutageTest {

  @Autowired EmbeddedS3 embeddedS3;
  @Autowired ServingModel serving;
  @Autowired CamundaClient client;
  @Autowired ReviewInbox inbox;
  @Autowired DecisionAudit audit;
  @Autowired MockMvc mvc;
  @Autowired MeterRegistry meters;

  @Test
  void registryDownKeepsTheServedModelAndRecoversWhenBack() {
    FaultFixture fixture = new FaultFixture(client, inbox, audit, mvc, meters);
    fixture.awaitHealth("modelRegistry", "UP");
    String served = serving.describe();

    try (FaultFixture.LogCapture log = new FaultFixture.LogCapture(OutageLog.class)) {
      embeddedS3.suspend();
      try {
        fixture.awaitHealth("modelRegistry", "DOWN");
        Eventually.get(
            "the registry's breaker open",
            FaultFixture.BOUND,
            () ->
                Optional.of(
                        fixture
                            .health("modelRegistry")
                            .path("details")
                            .path("circuitBreaker")
                            .asText())
                    .filter(state -> !"CLOSED".equals(state)));
        assertThat(fixture.health("modelRegistry").path("details").path("stillServing").asText())
            .isEqualTo(served);
        assertThat(fixture.health("servingModel").path("status").asText()).isEqualTo("UP");

        Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 10.0);
        fixture.start(payment);
        DecisionRecord decision = fixture.decision((String) payment.get("transactionId"));
        assertThat(decision.score()).isNotNull();
        assertThat(decision.modelVersion()).isEqualTo(served);
        assertThat(log.warnings("model registry")).hasSize(1);
      } finally {
        embeddedS3.resume();
      }
      fixture.awaitHealth("modelRegistry", "UP");
      assertThat(serving.describe()).isEqualTo(served);
      assertThat(log.warnings("model registry")).hasSize(1);
    }
  }
}
