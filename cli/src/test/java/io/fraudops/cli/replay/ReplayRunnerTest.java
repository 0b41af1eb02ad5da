package io.fraudops.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.workers.review.ReviewInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The main job, small: every screened payment ends decided or waiting for an analyst. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    classes = {io.fraudops.workers.FraudWorkersApplication.class, ReplayConfiguration.class},
    properties = {
      "fraud.replay.transactions=400",
      "fraud.replay.warmup=2000",
      "fraud.replay.customers=150",
      "fraud.replay.merchants=40",
      "fraud.replay.invalid-rate=0.03",
      "fraud.replay.fraud-rate=0.05",
      "fraud.model.location=classpath:models/demo-fraud-model.json"
    })
@ActiveProfiles({"test", "replay"})
class ReplayRunnerTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewInbox inbox;

  @Test
  void screensEveryPaymentAndLosesNone(CapturedOutput output) {
    assertThat(Accounted.decidedOrInReview(jdbc, inbox, 400)).isEqualTo(400);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM decision_audit WHERE outcome = 'REJECTED'", Long.class))
        .isPositive();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM decision_audit WHERE outcome = 'APPROVED'", Long.class))
        .isPositive();
    assertThat(output.getOut())
        .contains("=== Replay summary")
        .contains("nothing lost")
        .contains("(matches: one row per decided payment)")
        .containsPattern("waiting for review +\\d+ +\\(by rule: \\{")
        .contains("drift vs training    score PSI")
        // The warm-up replays the labels known by its end, so served fraud rates are learnt as in
        // training.
        .containsPattern("warm-up: [\\d,]+ payments and [1-9][\\d,]* labels of history");
  }
}
