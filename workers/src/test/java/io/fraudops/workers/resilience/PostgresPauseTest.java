package io.fraudops.workers.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.TestUsers;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.review.ReviewInbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every process of the embedded PostgreSQL paused (SIGSTOP) for about fifteen seconds, then resumed
 * (SIGCONT): the payment ledger lives there, so payments wait at their ledger claim and record
 * steps (retried with backoff, no incident), health and readiness say DOWN, and once the database
 * is back every payment has exactly one audit row. A payment offered over HTTP meanwhile is
 * answered 503 with {@code Retry-After}, and its retry with the same id after the pause is
 * screened. (A slow profile read alone degrades to review: the feature reads have their own 300 ms
 * pool and breaker.)
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
    assertThat(fixture.decision(id(first)).outcome())
        .isEqualTo(FinalOutcome.APPROVED); // its profile is now cached
    double incidents = incidents();

    Map<String, Object> cached = Payments.payment(known, 12.0, Instant.now().minusSeconds(60));
    Map<String, Object> stranger =
        Payments.payment(Payments.newCustomer(), 10.0, Instant.now().minusSeconds(60));
    Map<String, Object> viaApi =
        Payments.payment(Payments.newCustomer(), 11.0, Instant.now().minusSeconds(60));
    List<ProcessHandle> processes = embeddedPostgres.processes();
    long pausedAt = System.nanoTime();
    FaultFixture.signal("STOP", processes);
    double retriesBefore = allRetries();
    try {
      // The ledger is the source of truth, so nothing is accepted or decided while PostgreSQL
      // stalls: the
      // first step (its ledger claim) and the record step back off and retry instead of raising
      // incidents.
      fixture.start(cached);
      fixture.start(stranger);
      fixture.awaitHealth("postgres", "DOWN");
      assertThat(fixture.health("readiness").path("status").asText()).isEqualTo("DOWN");
      // The payment system is told to come back (503 + Retry-After), not that the server broke
      // (500).
      mvc.perform(screen(viaApi))
          .andExpect(status().isServiceUnavailable())
          .andExpect(header().exists("Retry-After"))
          .andExpect(jsonPath("$.dependency").value("postgres"))
          .andExpect(jsonPath("$.error").value(containsString("same transaction id")));
      Eventually.get(
          "a job retried with backoff",
          FaultFixture.BOUND,
          () -> Optional.of(allRetries()).filter(n -> n > retriesBefore));
      long left = PAUSE.toNanos() - (System.nanoTime() - pausedAt);
      if (left > 0) {
        Thread.sleep(Duration.ofNanos(left));
      }
    } finally {
      FaultFixture.signal("CONT", processes);
    }

    assertThat(fixture.decision(id(cached)).outcome()).isEqualTo(FinalOutcome.APPROVED);
    // The retry with the same id, once the database is back, is screened like any payment.
    mvc.perform(screen(viaApi))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"));
    assertThat(fixture.decision(id(stranger)).outcome()).isEqualTo(FinalOutcome.APPROVED);
    for (Map<String, Object> payment : List.of(first, cached, stranger)) {
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM decision_audit WHERE transaction_id = ?",
                  Long.class,
                  id(payment)))
          .as("audit rows of %s", id(payment))
          .isEqualTo(1L);
    }
    assertThat(incidents()).isEqualTo(incidents);
    fixture.awaitHealth("postgres", "UP");
    fixture.awaitHealth("readiness", "UP");
  }

  private double allRetries() {
    return meters.find("fraud.job.failures").tag("result", "retry").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private double incidents() {
    return meters.find("fraud.job.failures").tag("result", "incident").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private static MockHttpServletRequestBuilder screen(Map<String, Object> payment)
      throws Exception {
    return post("/transactions")
        .with(TestUsers.paymentSystem())
        .contentType(MediaType.APPLICATION_JSON)
        .header("Prefer", "wait=30")
        .content(new ObjectMapper().writeValueAsString(payment));
  }

  private static String id(Map<String, Object> payment) {
    return (String) payment.get("transactionId");
  }
}
