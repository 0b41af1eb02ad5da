package io.fraudops.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.workers.review.ReviewInbox;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A new model version is promoted while the replay runs: later decisions come from it, none fails,
 * and nothing is lost.
 */
@SpringBootTest(
    classes = {io.fraudops.workers.FraudWorkersApplication.class, ReplayConfiguration.class},
    properties = {
      "fraud.replay.transactions=500",
      "fraud.replay.warmup=1500",
      "fraud.replay.customers=150",
      "fraud.replay.merchants=40",
      "fraud.replay.in-flight=8",
      "fraud.replay.promote-at=150",
      "fraud.model.location=classpath:models/demo-fraud-model.json",
      "fraud.model.registry.enabled=true",
      "fraud.model.registry.poll-interval=200ms"
    })
@ActiveProfiles({"test", "replay"})
class ReplayPromotionTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewInbox inbox;

  @Test
  void decisionsSwitchToThePromotedVersionWithoutAFailure() {
    assertThat(Accounted.decidedOrInReview(jdbc, inbox, 500)).isEqualTo(500);
    Map<String, Long> perVersion = new java.util.TreeMap<>();
    jdbc.query(
        "SELECT coalesce(model_version, 'none'), count(*) FROM decision_audit WHERE outcome <> 'REJECTED' GROUP BY 1",
        rs -> {
          perVersion.put(rs.getString(1), rs.getLong(2));
        });
    assertThat(perVersion).containsOnlyKeys("demo-fraud-model:1", "demo-fraud-model:2");
    assertThat(perVersion.get("demo-fraud-model:2")).isGreaterThan(50);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM decision_audit WHERE dmn_rule = 'DATA_MISSING'", Long.class))
        .as("no payment lost its score during the swap")
        .isZero();
    assertThat(inbox.pending()).noneMatch(review -> "DATA_MISSING".equals(review.rule()));
  }
}
