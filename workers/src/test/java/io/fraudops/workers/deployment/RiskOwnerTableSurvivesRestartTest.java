package io.fraudops.workers.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.fraudops.local.zeebe.EmbeddedEngine;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.FraudWorkersApplication;
import io.fraudops.workers.Payments;
import io.fraudops.workers.Resources;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A risk owner's table, deployed on its own from Modeler after the workers started, survives a
 * restart of the workers and decides the next payment. The engine belongs to the test so that it
 * outlives the two application contexts, as a Camunda 8 cluster outlives its workers; the two
 * contexts share their PostgreSQL data, as two starts of the same deployment do. Its own contexts
 * because the point is the restart.
 */
class RiskOwnerTableSurvivesRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path postgresData;

  @Test
  void aTableDeployedAfterStartStillDecidesAfterTheWorkersRestart() {
    try (EmbeddedEngine engine = EmbeddedEngine.start(0)) {
      try (ConfigurableApplicationContext first = start(engine)) {
        assertThat(first.getBean(ProcessDeployer.class).decisionDeployed())
            .as("an empty engine gets the table")
            .isTrue();
        // The test model scores 700 at 0.5: the repository's table sends it to review.
        assertThat(decide(first, 700.0)).isNull();
      }

      // The risk owner lowers the decline cut-off in Modeler (same decision, same version tag) and
      // deploys
      // that one file.
      String repository =
          new String(Resources.bytes("decision-tables/fraud-decision.dmn"), StandardCharsets.UTF_8);
      String edited =
          repository.replace(
              "<inputEntry id=\"Rule_SCORE_VERY_HIGH_In1\"><text>&gt;= thresholds.decline</text></inputEntry>",
              "<inputEntry id=\"Rule_SCORE_VERY_HIGH_In1\"><text>&gt;= 0.45</text></inputEntry>");
      assertThat(edited).isNotEqualTo(repository);
      int riskOwnersVersion;
      try (CamundaClient modeler = client(engine)) {
        riskOwnersVersion =
            modeler
                .newDeployResourceCommand()
                .addResourceBytes(edited.getBytes(StandardCharsets.UTF_8), "fraud-decision.dmn")
                .send()
                .join()
                .getDecisions()
                .getFirst()
                .getVersion();
      }

      try (ConfigurableApplicationContext second = start(engine)) {
        assertThat(second.getBean(ProcessDeployer.class).decisionDeployed())
            .as("the restart leaves the table the risk owner deployed")
            .isFalse();
        DecisionRecord next = decide(second, 700.0);
        assertThat(next).as("the edited table decided without an analyst").isNotNull();
        assertThat(next.outcome()).isEqualTo(FinalOutcome.DECLINED);
        assertThat(next.dmnRule()).isEqualTo("SCORE_VERY_HIGH");
        try (CamundaClient probe = client(engine)) {
          assertThat(new EngineDecisions(probe).latest("fraud-decision").orElseThrow().version())
              .as("nothing was deployed over it")
              .isEqualTo(riskOwnersVersion);
        }
      }
    }
  }

  /** The decision on a new payment, or null once it waits for an analyst instead. */
  private static DecisionRecord decide(ConfigurableApplicationContext app, double amount) {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), amount);
    String id = (String) payment.get("transactionId");
    app.getBean(CamundaClient.class)
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payment, "receivedAt", System.currentTimeMillis()))
        .send()
        .join();
    DecisionAudit audit = app.getBean(DecisionAudit.class);
    var ledger = app.getBean(io.fraudops.workers.payment.PaymentLedger.class);
    Eventually.get(
        "a decision or a review on " + id,
        WAIT,
        () ->
            ledger
                .find(id)
                .filter(p -> p.status().isFinal() || p.status().name().equals("REVIEW_PENDING")));
    return audit.find(id).orElse(null);
  }

  private static ConfigurableApplicationContext start(EmbeddedEngine engine) {
    // Arguments, not default properties: the Camunda starter's own defaults would win over those.
    return new SpringApplicationBuilder(FraudWorkersApplication.class)
        .profiles("test")
        .run(
            "--camunda.client.mode=self-managed",
            "--camunda.client.grpc-address=" + engine.grpcAddress(),
            "--camunda.client.prefer-rest-over-grpc=false",
            "--camunda.client.auth.method=none",
            "--camunda.client.worker.defaults.stream-enabled=true",
            "--fraud.review.mode=job-worker",
            "--fraud.embedded.postgres.data-dir=" + postgresData.toAbsolutePath(),
            "--server.port=0");
  }

  private static CamundaClient client(EmbeddedEngine engine) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(java.net.URI.create(engine.grpcAddress()))
        .preferRestOverGrpc(false)
        .build();
  }
}
