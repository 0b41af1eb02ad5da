package io.fraudops.workers.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.FeatureService;
import io.fraudops.feature.transaction.TransactionParser;
import io.fraudops.local.redis.EmbeddedRedis;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.review.PendingReview;
import io.fraudops.workers.review.ReviewInbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The embedded Redis killed (kill -9) while payments arrive, then restarted empty by its
 * supervisor, as a real Redis without persistence comes back: screening degrades, says so once, and
 * the online state comes back whole, the outage's payments included, each counted once, and so do
 * payments still waiting for an analyst (the payment ledger's, not yet in the offline history).
 */
@ApplicationTest
class RedisOutageTest {

  private static final int DURING = 12;

  @Autowired EmbeddedRedis embeddedRedis;
  @Autowired CamundaClient client;
  @Autowired ReviewInbox inbox;
  @Autowired DecisionAudit audit;
  @Autowired MockMvc mvc;
  @Autowired MeterRegistry meters;
  @Autowired FeatureService features;
  @Autowired TransactionParser parser;

  @Test
  void killedRedisDegradesToReviewThenComesBackWithEveryPaymentOnce() throws Exception {
    FaultFixture fixture = new FaultFixture(client, inbox, audit, mvc, meters);
    String customer = Payments.newCustomer();
    Instant t0 = Instant.now().minus(30, ChronoUnit.MINUTES);
    Map<String, Object> before = Payments.payment(customer, 10.0, t0);
    fixture.start(before);
    assertThat(fixture.decision((String) before.get("transactionId")).outcome())
        .isEqualTo(FinalOutcome.APPROVED);
    double outages = fixture.counter("fraud.dependency.outages", "dependency", "redis");
    int restarts = embeddedRedis.restarts();

    List<PendingReview> reviews = new ArrayList<>();
    try (FaultFixture.LogCapture log = new FaultFixture.LogCapture(OutageLog.class)) {
      embeddedRedis.holdRestarts(true);
      try {
        embeddedRedis.process().destroyForcibly();
        embeddedRedis.process().onExit().get();
        for (int i = 1; i <= DURING; i++) {
          reviews.add(
              fixture.review(fixture.start(Payments.payment(customer, 10.0, t0.plusSeconds(i)))));
        }

        assertThat(reviews)
            .allSatisfy(
                r ->
                    assertThat(r.reason())
                        .contains("online feature store unavailable")
                        .contains("Redis"));
        assertThat(log.warnings("Redis")).hasSize(1);
        assertThat(fixture.health("redis").path("status").asText()).isEqualTo("DOWN");
        assertThat(fixture.counter("fraud.dependency.outages", "dependency", "redis"))
            .isEqualTo(outages + 1);
        assertThat(fixture.gauge("fraud.dependency.up", "dependency", "redis")).isZero();
      } finally {
        embeddedRedis.holdRestarts(false);
      }

      Eventually.get(
          "a restarted Redis",
          FaultFixture.BOUND,
          () -> Optional.of(embeddedRedis.restarts()).filter(n -> n > restarts));
      fixture.awaitHealth("redis", "UP");
      Eventually.get(
          "the outage's payments replayed into Redis",
          FaultFixture.BOUND,
          () ->
              Optional.of(
                      fixture
                          .health("redis")
                          .path("details")
                          .path("missedPaymentsWaiting")
                          .asLong(-1))
                  .filter(n -> n == 0));
      assertThat(log.warnings("Redis")).hasSize(1);
    }

    // The next payment sees the one before the outage and the twelve during it, each once.
    FeatureResult next =
        features.featuresFor(parser.parse(Payments.payment(customer, 10.0, t0.plusSeconds(60))));
    assertThat(next.complete()).isTrue();
    assertThat(next.vector().get("txn_count_1h")).isEqualTo(1.0 + DURING);
    assertThat(next.vector().get("txn_amount_1h")).isEqualTo(10.0 * (1 + DURING));
  }

  @Test
  void pausedRedisTimesOutToReviewAndResumesWithItsStateWithoutARebuild() throws Exception {
    FaultFixture fixture = new FaultFixture(client, inbox, audit, mvc, meters);
    fixture.awaitHealth("redis", "UP");
    double rebuilds = fixture.counter("fraud.online.rebuilds");
    int restarts = embeddedRedis.restarts();
    String customer = Payments.newCustomer();
    Instant t0 = Instant.now().minus(20, ChronoUnit.MINUTES);
    Map<String, Object> before = Payments.payment(customer, 10.0, t0);
    fixture.start(before);
    fixture.decision((String) before.get("transactionId"));

    PendingReview review;
    FaultFixture.signal("STOP", List.of(embeddedRedis.process()));
    try {
      review = fixture.review(fixture.start(Payments.payment(customer, 10.0, t0.plusSeconds(1))));
      fixture.awaitHealth("redis", "DOWN");
    } finally {
      FaultFixture.signal("CONT", List.of(embeddedRedis.process()));
    }
    assertThat(review.reason()).contains("online feature store unavailable");

    fixture.awaitHealth("redis", "UP");
    assertThat(fixture.counter("fraud.online.rebuilds"))
        .as("a paused Redis kept its state")
        .isEqualTo(rebuilds);
    assertThat(embeddedRedis.restarts()).isEqualTo(restarts);
    Eventually.get(
        "the paused payment replayed into Redis",
        FaultFixture.BOUND,
        () ->
            Optional.of(
                    fixture
                        .health("redis")
                        .path("details")
                        .path("missedPaymentsWaiting")
                        .asLong(-1))
                .filter(n -> n == 0));
    FeatureResult next =
        features.featuresFor(parser.parse(Payments.payment(customer, 10.0, t0.plusSeconds(60))));
    assertThat(next.vector().get("txn_count_1h")).isEqualTo(2.0);
  }

  @Test
  void aPaymentInReviewStillCountsAfterRedisComesBackEmpty() throws Exception {
    FaultFixture fixture = new FaultFixture(client, inbox, audit, mvc, meters);
    fixture.awaitHealth("redis", "UP");
    String customer = Payments.newCustomer();
    Instant t0 = Instant.now().minus(10, ChronoUnit.MINUTES);
    // Large enough for the table to send it to an analyst: screened (counted in Redis), not decided
    // (not in the offline history).
    PendingReview waiting = fixture.review(fixture.start(Payments.payment(customer, 700.0, t0)));
    assertThat(waiting.reason()).doesNotContain("unavailable");
    double rebuilds = fixture.counter("fraud.online.rebuilds");
    int restarts = embeddedRedis.restarts();

    embeddedRedis.process().destroyForcibly();
    Eventually.get(
        "a restarted Redis",
        FaultFixture.BOUND,
        () -> Optional.of(embeddedRedis.restarts()).filter(n -> n > restarts));
    Eventually.get(
        "the online state rebuilt",
        FaultFixture.BOUND,
        () -> Optional.of(fixture.counter("fraud.online.rebuilds")).filter(n -> n > rebuilds));
    fixture.awaitHealth("redis", "UP");

    // The payment still waiting for its analyst is part of the customer's recent history.
    FeatureResult next =
        features.featuresFor(parser.parse(Payments.payment(customer, 10.0, t0.plusSeconds(60))));
    assertThat(next.complete()).isTrue();
    assertThat(next.vector().get("txn_count_1h")).isEqualTo(1.0);
    assertThat(next.vector().get("txn_amount_1h")).isEqualTo(700.0);
  }
}
