package io.fraudops.workers.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.camunda.client.CamundaClient;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Grafana dashboard shipped in {@code ops/} queries metrics the workers really publish: a
 * renamed metric would otherwise leave an empty panel that nobody notices until an incident.
 */
@ApplicationTest
class OpsDashboardTest {

  private static final Path DASHBOARD =
      Path.of("..", "ops", "grafana", "provisioning", "dashboards", "fraud-screening.json");
  private static final Pattern METRIC = Pattern.compile("\\bfraud_[a-z_]+");

  @Autowired MockMvc http;
  @Autowired CamundaClient client;
  @Autowired DecisionAudit audit;

  @Test
  void everyMetricTheDashboardQueriesIsPublished() throws Exception {
    // Decision counters appear with the first decision.
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 120.0);
    client
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payment))
        .send()
        .join();
    Eventually.get(
        "a decision",
        Duration.ofSeconds(30),
        () -> audit.find((String) payment.get("transactionId")));

    String scrape =
        http.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
    Set<String> queried = new TreeSet<>();
    Matcher matcher = METRIC.matcher(Files.readString(DASHBOARD));
    while (matcher.find()) {
      queried.add(matcher.group());
    }

    assertThat(queried)
        .contains("fraud_drift_psi", "fraud_model_swaps_total", "fraud_decisions_total");
    assertThat(queried)
        .allSatisfy(
            metric ->
                assertThat(scrape)
                    .as("published metric %s", metric)
                    .containsPattern("(?m)^" + metric + "[{ ]"));
    assertThat(scrape).contains("fraud_drift_psi{feature=\"amount\"");
  }
}
