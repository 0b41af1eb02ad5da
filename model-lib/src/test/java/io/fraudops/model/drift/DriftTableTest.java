package io.fraudops.model.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTableTest {

  @Test
  void listsTheHighestPsiFirstAndNamesTheSignificantOnesInTheVerdict() {
    DriftSnapshot snapshot =
        new DriftSnapshot(
            "m:2",
            10_000,
            10_000,
            List.of(
                measure("hour_of_day", 0.02), measure("amount", 0.61), measure("is_night", 0.13)),
            measure("score", 0.3));

    String table = DriftTable.format(snapshot);

    assertThat(table.lines())
        .containsExactly(
            "drift of m:2 over 10,000 observations (window 10,000)",
            "feature           PSI  level",
            "amount         0.6100  SIGNIFICANT",
            "score          0.3000  SIGNIFICANT",
            "is_night       0.1300  MODERATE",
            "hour_of_day    0.0200  STABLE");
    assertThat(DriftTable.verdict(snapshot))
        .isEqualTo(
            "verdict: significant shift in amount (PSI 0.6100), score (PSI 0.3000);"
                + " check the feeds, consider retraining");
  }

  @Test
  void saysWhenTheWindowIsTooSmallToTrustAndWhenItIsEmpty() {
    DriftSnapshot few =
        new DriftSnapshot("m:2", 10_000, 50, List.of(), new DriftMeasure("score", 0.05, 50, 0.2));
    assertThat(DriftTable.format(few))
        .contains(
            "note: 50 observations are few; sampling noise alone gives a PSI" + " of about 0.200");
    assertThat(DriftTable.verdict(few)).isEqualTo("verdict: stable, every PSI below 0.10");

    DriftSnapshot empty =
        new DriftSnapshot(
            "m:2", 10_000, 0, List.of(), new DriftMeasure("score", Double.NaN, 0, Double.NaN));
    assertThat(DriftTable.format(empty)).contains("score           -  NO_DATA");
    assertThat(DriftTable.verdict(empty)).isEqualTo("verdict: nothing observed yet");
  }

  private static DriftMeasure measure(String name, double psi) {
    return new DriftMeasure(name, psi, 10_000, 0.001);
  }
}
