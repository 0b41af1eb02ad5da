package io.fraudops.workers.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.process.Verdict;
import io.fraudops.workers.review.PendingReview;
import io.fraudops.workers.review.ReviewInbox;
import io.fraudops.workers.review.ReviewOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every process of the embedded PostgreSQL paused (SIGSTOP) for about fifteen seconds, then resumed
 * (SIGCONT): screening does not stall (a payment whose profile is not cached goes to review with the
 * reason), the record step retries with backoff instead of raising an incident, and once the database
 * is back every payment has exactly one audit row.
 */
@ApplicationTest
class PostgresPauseTest {

  private static final Duration PAUSE = Duration.ofSeconds(15);

  @Autowired EmbeddedPostgresServer embeddedPostgres;
  @Autowired CamundaClient client;
  @Autowired ReviewInbox inbox;
  @Autowired DecisionAudit audit;
  @Autowired MockMvc mvc;
  @Autowired MeterRegistry meters;
  @Autowired JdbcTemplate jdbc;

  @Test
  void pausedDatabaseDegradesScreeningAndDecisionsWaitForIt() throws Exception {
    FaultFixture fixture = new FaultFixture(client, inbox, audit, mvc, meters);
    String known = Payments.newCustomer();
    Map<String, Object> first = Payments.payment(known, 10.0, Instant.now().minusSeconds(120));
    fixture.start(first);
    assertThat(fixture.decision(id(first)).outcome()).isEqualTo(FinalOutcome.APPROVED); // its profile is now cached
    double retries = fixture.counter("fraud.job.failures", "type", "fraud.record-decision", "result", "retry");
    double incidents = incidents();

    Map<String, Object> cached = Payments.payment(known, 12.0, Instant.now().minusSeconds(60));
    Map<String, Object> stranger = Payments.payment(Payments.newCustomer(), 10.0, Instant.now().minusSeconds(60));
    List<ProcessHandle> processes = embeddedPostgres.processes();
    long pausedAt = System.nanoTime();
    FaultFixture.signal("STOP", processes);
    PendingReview review;
    try {
      fixture.start(cached);
      long strangerInstance = fixture.start(stranger);

      review = fixture.review(strangerInstance);
      assertThat(review.reason()).contains("customer profile store unavailable");
      fixture.awaitHealth("postgres", "DOWN");
      assertThat(fixture.health("readiness").path("status").asText()).isEqualTo("DOWN");
      Eventually.get(
          "a record-decision retried with backoff",
          FaultFixture.BOUND,
          () -> Optional.of(fixture.counter("fraud.job.failures", "type", "fraud.record-decision", "result", "retry"))
              .filter(n -> n > retries));
      long left = PAUSE.toNanos() - (System.nanoTime() - pausedAt);
      if (left > 0) {
        Thread.sleep(Duration.ofNanos(left));
      }
    } finally {
      FaultFixture.signal("CONT", processes);
    }

    assertThat(fixture.decision(id(cached)).outcome()).isEqualTo(FinalOutcome.APPROVED);
    inbox.complete(review.key(), new ReviewOutcome(Verdict.APPROVE, "profile store was down, customer known", "ana"));
    assertThat(fixture.decision(id(stranger)).outcome()).isEqualTo(FinalOutcome.APPROVED);
    for (Map<String, Object> payment : List.of(first, cached, stranger)) {
      assertThat(jdbc.queryForObject("SELECT count(*) FROM decision_audit WHERE transaction_id = ?", Long.class, id(payment)))
          .as("audit rows of %s", id(payment))
          .isEqualTo(1L);
    }
    assertThat(incidents()).isEqualTo(incidents);
    fixture.awaitHealth("postgres", "UP");
    fixture.awaitHealth("readiness", "UP");
  }

  private double incidents() {
    return meters.find("fraud.job.failures").tag("result", "incident").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private static String id(Map<String, Object> payment) {
    return (String) payment.get("transactionId");
  }
}
