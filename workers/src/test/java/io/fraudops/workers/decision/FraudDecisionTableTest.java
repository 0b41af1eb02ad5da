package io.fraudops.workers.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.fraudops.workers.EngineFixture;
import io.fraudops.workers.process.DmnDecision;
import io.fraudops.workers.process.ReasonText;
import io.fraudops.workers.process.RoutedOutcome;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The risk team's DMN table, evaluated by the engine itself: one case per rule, rule order, and the
 * display text the workers compose from each rule's Reason cell ({@link ReasonText}).
 */
class FraudDecisionTableTest {

  private static EngineFixture fixture;
  private static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void deploy() throws IOException {
    fixture = new EngineFixture();
    fixture
        .client()
        .newDeployResourceCommand()
        .addResourceFromClasspath("decision-tables/fraud-decision.dmn")
        .send()
        .join();
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
    assertThat(
            text(
                out,
                v -> {
                  v.put("featuresComplete", false);
                  v.put("degradedReason", "online feature store unavailable: connection refused");
                }))
        .isEqualTo("Missing data: online feature store unavailable: connection refused");
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
    assertThat(out.get("reason").asText())
        .as("the cell is plain text, no FEEL")
        .doesNotContain("string(");
    assertThat(text(out, v -> v.put("score", 0.95)))
        .isEqualTo(
            "Model score 0.95 at or above the decline threshold 0.9; top reason amount_zscore_30d");
  }

  @Test
  void scoresAreJudgedAgainstTheThresholdsThatCameWithTheScore() {
    Consumer<Map<String, Object>> stricter =
        v -> v.put("thresholds", Map.of("review", 0.3, "decline", 0.7));
    assertDecision(stricter.andThen(v -> v.put("score", 0.75)), "DECLINE", "SCORE_VERY_HIGH");
    JsonNode out =
        assertDecision(stricter.andThen(v -> v.put("score", 0.35)), "REVIEW", "SCORE_ELEVATED");
    assertThat(text(out, stricter.andThen(v -> v.put("score", 0.35))))
        .contains("review threshold 0.3")
        .contains("decline threshold 0.7");
    assertDecision(stricter.andThen(v -> v.put("score", 0.25)), "APPROVE", "LOW_RISK");
  }

  @Test
  void neverApprovesWhenTheThresholdsAreMissing() {
    assertDecision(v -> v.remove("thresholds"), "REVIEW", "DATA_MISSING");
  }

  @Test
  void aScoreWithoutReasonsStillGetsAReason() {
    Consumer<Map<String, Object>> noReasons =
        v -> {
          v.put("score", 0.6);
          v.put("topReasons", List.of());
        };
    JsonNode out = assertDecision(noReasons, "REVIEW", "SCORE_ELEVATED");
    assertThat(text(out, noReasons))
        .isEqualTo(
            "Model score 0.6 between the review threshold 0.5 and the decline threshold 0.9");
  }

  @Test
  void declinesCardTesting() {
    Consumer<Map<String, Object>> testing =
        v -> {
          v.put("score", 0.6);
          v.put("transaction", Map.of("amount", 3));
          features(v).put("txn_count_1h", 6);
        };
    JsonNode out = assertDecision(testing, "DECLINE", "CARD_TESTING");
    assertThat(text(out, testing))
        .isEqualTo("Card testing: 6 payments in the last hour, this one small");
  }

  @Test
  void reviewsImpossibleTravelAndEscalatesItSooner() {
    JsonNode out =
        assertDecision(
            v -> features(v).put("speed_from_last_kmh", 1234.56), "REVIEW", "IMPOSSIBLE_TRAVEL");
    assertThat(text(out, v -> features(v).put("speed_from_last_kmh", 1234.56)))
        .isEqualTo("Impossible travel: 1235 km/h since the previous payment");
    assertThat(out.get("escalateAfter").asText()).isEqualTo("PT1H");
  }

  @Test
  void sendsAScoreDrivenByTheMerchantsHistoryToReviewWithItsOwnCode() {
    Consumer<Map<String, Object>> merchant =
        v -> {
          v.put("score", 0.7);
          v.put(
              "topReasons",
              List.of(
                  Map.of("feature", "merchant_fraud_rate_90d", "value", 0.4, "contribution", 0.2)));
        };
    JsonNode out = assertDecision(merchant, "REVIEW", "MERCHANT_DRIVEN");
    assertThat(text(out, merchant))
        .contains("(merchant_fraud_rate_90d)")
        .contains("check the merchant");
    assertDecision(
        merchant.andThen(
            v -> v.put("topReasons", List.of(Map.of("feature", "category_fraud_rate_90d")))),
        "REVIEW",
        "MERCHANT_DRIVEN");
    assertDecision(merchant.andThen(v -> v.put("score", 0.95)), "DECLINE", "SCORE_VERY_HIGH");
    assertDecision(merchant.andThen(v -> v.put("score", 0.3)), "APPROVE", "LOW_RISK");
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

  @Test
  void everyRuleHasACodeAStaticReasonAndNoEscalationUnlessItSaysSo() {
    List<Consumer<Map<String, Object>>> oneCasePerRule =
        List.of(
            v -> v.put("featuresComplete", false),
            v -> v.put("score", 0.95),
            v -> {
              v.put("score", 0.6);
              v.put("transaction", Map.of("amount", 3, "currency", "EUR"));
              features(v).put("txn_count_1h", 6);
            },
            v -> features(v).put("speed_from_last_kmh", 1200.0),
            v -> {
              v.put("score", 0.6);
              v.put("topReasons", List.of(Map.of("feature", "merchant_fraud_rate_90d")));
            },
            v -> v.put("score", 0.6),
            v -> {
              v.put("transaction", Map.of("amount", 2500, "currency", "EUR"));
              features(v).put("first_time_merchant", 1);
            },
            v -> {
              v.put("transaction", Map.of("amount", 600, "currency", "EUR"));
              features(v).put("is_night", 1);
              features(v).put("distance_from_home_km", 800.0);
            },
            v -> features(v).put("txn_count_1h", 12),
            v -> {});
    List<String> rules = new java.util.ArrayList<>();
    for (Consumer<Map<String, Object>> change : oneCasePerRule) {
      Map<String, Object> variables = lowRisk();
      variables.put("degradedReason", "redis down");
      change.accept(variables);
      JsonNode out = evaluate(variables);
      rules.add(out.get("rule").asText());
      assertThat(out.get("reason").asText())
          .as(out.toString())
          .doesNotContain("+")
          .doesNotContain("string(");
      assertThat(text(out, change.andThen(v -> v.put("degradedReason", "redis down"))))
          .as("every placeholder of %s is known", out.get("rule"))
          .doesNotContain("{")
          .isNotBlank();
      if (!"IMPOSSIBLE_TRAVEL".equals(out.get("rule").asText())) {
        assertThat(out.get("escalateAfter").isNull()).as(out.toString()).isTrue();
      }
    }
    assertThat(rules)
        .as("one case per rule, in the table's order")
        .containsExactly(
            "DATA_MISSING",
            "SCORE_VERY_HIGH",
            "CARD_TESTING",
            "IMPOSSIBLE_TRAVEL",
            "MERCHANT_DRIVEN",
            "SCORE_ELEVATED",
            "NEW_MERCHANT_LARGE",
            "NIGHT_FAR_LARGE",
            "VELOCITY_BURST",
            "LOW_RISK");
  }

  /** The display text the workers compose from the decision and the same variables. */
  @SuppressWarnings("unchecked")
  private static String text(JsonNode out, Consumer<Map<String, Object>> change) {
    Map<String, Object> v = lowRisk();
    change.accept(v);
    Map<String, Object> tx = (Map<String, Object>) v.get("transaction");
    var payment =
        new io.fraudops.workers.process.ScreenedPayment(
            null,
            null,
            null,
            null,
            tx.get("amount") == null ? null : new java.math.BigDecimal(tx.get("amount").toString()),
            (String) tx.get("currency"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Map<String, Object> facts =
        ReasonText.facts(
            (Double) v.get("score"),
            (Map<String, ?>) v.get("thresholds"),
            (Map<String, ?>) v.get("features"),
            payment,
            (List<Map<String, Object>>) v.get("topReasons"),
            (String) v.get("degradedReason"));
    DmnDecision decision =
        new DmnDecision(
            RoutedOutcome.of(out.get("outcome").asText()),
            out.get("reason").asText(),
            out.get("rule").asText());
    return ReasonText.of(decision, facts);
  }

  private static JsonNode evaluate(Map<String, Object> variables) {
    EvaluateDecisionResponse response =
        fixture
            .client()
            .newEvaluateDecisionCommand()
            .decisionId("fraud-decision")
            .variables(variables)
            .send()
            .join();
    try {
      return json.readTree(response.getDecisionOutput());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode assertDecision(
      Consumer<Map<String, Object>> change, String outcome, String rule) {
    Map<String, Object> variables = lowRisk();
    change.accept(variables);
    JsonNode out = evaluate(variables);
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
    variables.put("transaction", Map.of("amount", 50, "currency", "EUR"));
    variables.put("features", features);
    variables.put("thresholds", Map.of("review", 0.5, "decline", 0.9));
    variables.put(
        "topReasons",
        List.of(Map.of("feature", "amount_zscore_30d", "value", 4.2, "contribution", 0.31)));
    return variables;
  }
}
