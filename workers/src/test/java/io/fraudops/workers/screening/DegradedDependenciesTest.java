package io.fraudops.workers.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.review.PendingReview;
import io.fraudops.workers.review.ReviewInbox;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Redis unreachable and no model: a payment that would otherwise be approved goes to an analyst
 * with the reasons, never to an automatic approval.
 */
@SpringBootTest(
    properties = {
      "fraud.redis.url=redis://127.0.0.1:1",
      "fraud.model.location=target/no-such-model.json"
    })
@ActiveProfiles("test")
class DegradedDependenciesTest {

  @Autowired CamundaClient client;
  @Autowired ReviewInbox inbox;

  @Test
  void missingFeaturesAndModelRouteToReviewAndSayWhy() {
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("transaction-screening")
            .latestVersion()
            .variables(Map.of("transaction", Payments.payment(Payments.newCustomer(), 10.0)))
            .send()
            .join()
            .getProcessInstanceKey();
    PendingReview review =
        Eventually.get(
            "a review of instance " + instance,
            Duration.ofSeconds(30),
            () ->
                inbox.pending().stream()
                    .filter(r -> r.processInstanceKey() == instance)
                    .findFirst());
    assertThat(review.rule()).isEqualTo("DATA_MISSING");
    assertThat(review.reason()).contains("online feature store unavailable").contains("model");
    assertThat(review.score()).isNull();
  }
}
