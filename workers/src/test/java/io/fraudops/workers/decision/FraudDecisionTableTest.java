package io.fraudops.workers.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.fraudops.workers.EngineFixture;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The risk team's DMN table, evaluated by the engine itself: one case per rule, and rule order. */
class FraudDecisionTableTest {

  private static EngineFixture fixture;
  private static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void deploy() throws IOException {
    fixture = new EngineFixture();
    fixture.client().newDeployResourceCommand().addResourceFromClasspath("decision-tables/fraud-decision.dmn").send().join();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void approvesALowRiskPayment() {
    assertDecision(v -> {}, "APPROVE", "LOW_RISK");
  }

  @Test
  void sendsMissingFeaturesToReviewAndSaysWhy() {
    JsonNode out =
        assertDecision(
            v -> {
              v.put("featuresComplete", false);
              v.put("degradedReason", "online feature store unavailable: connection refused");
            },
            "REVIEW",
            "DATA_MISSING");
    assertThat(out.get("reason").asText()).contains("online feature store unavailable: connection refused");
  }

  @Test
  void sendsAMissingScoreToReviewEvenWhenEverythingElseLooksFine() {
    assertDecision(
        v -> {
          v.put("scoreAvailable", false);
          v.put("score", null);
          v.put("degradedReason", "model unavailable");
        },
        "REVIEW",
        "DATA_MISSING");
  }

  @Test
  void missingDataWinsOverAVeryHighScore() {
    assertDecision(
        v -> {
          v.put("featuresComplete", false);
          v.put("degradedReason", "x");
          v.put("score", 0.99);
        },
        "REVIEW",
        "DATA_MISSING");
  }

  @Test
  void declinesAVeryHighScore() {
    JsonNode out = assertDecision(v -> v.put("score", 0.95), "DECLINE", "SCORE_VERY_HIGH");
    assertThat(out.get("reason").asText()).contains("0.95").contains("top reason: amount_zscore_30d");
  }

  @Test
  void scoresAreJudgedAgainstTheThresholdsThatCameWithTheScore() {
    Consumer<Map<String, Object>> stricter = v -> v.put("thresholds", Map.of("review", 0.3, "decline", 0.7));
    assertDecision(stricter.andThen(v -> v.put("score", 0.75)), "DECLINE", "SCORE_VERY_HIGH");
    JsonNode out = assertDecision(stricter.andThen(v -> v.put("score", 0.35)), "REVIEW", "SCORE_ELEVATED");
    assertThat(out.get("reason").asText()).contains("review threshold 0.3").contains("decline threshold 0.7");
    assertDecision(stricter.andThen(v -> v.put("score", 0.25)), "APPROVE", "LOW_RISK");
  }

  @Test
  void neverApprovesWhenTheThresholdsAreMissing() {
    assertDecision(v -> v.remove("thresholds"), "REVIEW", "DATA_MISSING");
  }

  @Test
  void aScoreWithoutReasonsStillGetsAReason() {
    JsonNode out = assertDecision(v -> {
      v.put("score", 0.6);
      v.put("topReasons", List.of());
    }, "REVIEW", "SCORE_ELEVATED");
    assertThat(out.get("reason").asText()).doesNotContain("top reason");
  }

  @Test
  void declinesCardTesting() {
    assertDecision(
        v -> {
          v.put("score", 0.6);
          v.put("transaction", Map.of("amount", 3));
          features(v).put("txn_count_1h", 6);
        },
        "DECLINE",
        "CARD_TESTING");
  }

  @Test
  void reviewsImpossibleTravel() {
    assertDecision(v -> features(v).put("speed_from_last_kmh", 1200.0), "REVIEW", "IMPOSSIBLE_TRAVEL");
  }

  @Test
  void reviewsAnElevatedScore() {
    assertDecision(v -> v.put("score", 0.6), "REVIEW", "SCORE_ELEVATED");
  }

  @Test
  void reviewsALargeFirstPaymentAtANewMerchant() {
    assertDecision(
        v -> {
          v.put("transaction", Map.of("amount", 2500));
          features(v).put("first_time_merchant", 1);
        },
        "REVIEW",
        "NEW_MERCHANT_LARGE");
  }

  @Test
  void reviewsALargeNightPaymentFarFromHome() {
    assertDecision(
        v -> {
          v.put("transaction", Map.of("amount", 600));
          features(v).put("is_night", 1);
          features(v).put("distance_from_home_km", 800.0);
        },
        "REVIEW",
        "NIGHT_FAR_LARGE");
  }

  @Test
  void reviewsAVelocityBurst() {
    assertDecision(v -> features(v).put("txn_count_1h", 12), "REVIEW", "VELOCITY_BURST");
  }

  private static JsonNode assertDecision(Consumer<Map<String, Object>> change, String outcome, String rule) {
    Map<String, Object> variables = lowRisk();
    change.accept(variables);
    EvaluateDecisionResponse response =
        fixture.client().newEvaluateDecisionCommand().decisionId("fraud-decision").variables(variables).send().join();
    JsonNode out;
    try {
      out = json.readTree(response.getDecisionOutput());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(out.get("outcome").asText()).as(out.toString()).isEqualTo(outcome);
    assertThat(out.get("rule").asText()).as(out.toString()).isEqualTo(rule);
    assertThat(out.get("reason").asText()).isNotBlank();
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> features(Map<String, Object> variables) {
    return (Map<String, Object>) variables.get("features");
  }

  private static Map<String, Object> lowRisk() {
    Map<String, Object> features = new HashMap<>();
    features.put("txn_count_1h", 0);
    features.put("first_time_merchant", 0);
    features.put("distance_from_home_km", 5.0);
    features.put("speed_from_last_kmh", 0.0);
    features.put("is_night", 0);
    Map<String, Object> variables = new HashMap<>();
    variables.put("featuresComplete", true);
    variables.put("scoreAvailable", true);
    variables.put("score", 0.1);
    variables.put("degradedReason", null);
    variables.put("transaction", Map.of("amount", 50));
    variables.put("features", features);
    variables.put("thresholds", Map.of("review", 0.5, "decline", 0.9));
    variables.put("topReasons", List.of(Map.of("feature", "amount_zscore_30d", "value", 4.2, "contribution", 0.31)));
    return variables;
  }
}
