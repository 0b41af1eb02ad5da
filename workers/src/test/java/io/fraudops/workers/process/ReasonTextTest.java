package io.fraudops.workers.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReasonTextTest {

  private static final Map<String, Object> FACTS =
      ReasonText.facts(
          0.934,
          Map.of("review", 0.5, "decline", 0.9),
          Map.of("speed_from_last_kmh", 1234.56, "txn_count_1h", 6.0),
          null,
          List.of(Map.of("feature", "amount_zscore_30d")),
          null);

  @Test
  void fillsPlaceholdersAndFormatsNumbersForPeople() {
    assertThat(
            ReasonText.fill(
                "Score {score} >= {thresholds.decline}, {features.speed_from_last_kmh} km/h, {features.txn_count_1h} payments",
                FACTS))
        .isEqualTo("Score 0.93 >= 0.9, 1235 km/h, 6 payments");
  }

  @Test
  void leavesOutABracketedPartWhoseValueIsUnknown() {
    assertThat(ReasonText.fill("High[; top reason {topReason}][; data: {degradedReason}]", FACTS))
        .isEqualTo("High; top reason amount_zscore_30d");
  }

  @Test
  void keepsAMisspeltPlaceholderVisible() {
    assertThat(ReasonText.fill("Speed {featurs.speed}", FACTS)).isEqualTo("Speed {featurs.speed}");
  }

  @Test
  void aDecisionWithoutReasonShowsItsRule() {
    assertThat(
            ReasonText.of(new DmnDecision(RoutedOutcome.REVIEW, null, "NEW_RULE"), new HashMap<>()))
        .isEqualTo("NEW_RULE");
    assertThat(ReasonText.of(null, FACTS)).isNull();
  }
}
