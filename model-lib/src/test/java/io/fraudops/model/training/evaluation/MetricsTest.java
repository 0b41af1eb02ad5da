package io.fraudops.model.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void aucOfKnownRankings() {
    int[] labels = {0, 0, 1, 1};

    assertThat(Metrics.rocAuc(new double[] {0.1, 0.2, 0.8, 0.9}, labels)).isEqualTo(1.0);
    assertThat(Metrics.rocAuc(new double[] {0.9, 0.8, 0.2, 0.1}, labels)).isEqualTo(0.0);
    assertThat(Metrics.rocAuc(new double[] {0.1, 0.4, 0.35, 0.8}, labels)).isEqualTo(0.75);
    assertThat(Metrics.rocAuc(new double[] {0.5, 0.5, 0.5, 0.5}, labels))
        .isEqualTo(0.5); // ties count half
  }

  @Test
  void aucNeedsBothClasses() {
    assertThatThrownBy(() -> Metrics.rocAuc(new double[] {0.1, 0.2}, new int[] {1, 1}))
        .hasMessageContaining("both classes");
  }

  @Test
  void logLossOfKnownPredictions() {
    double expected = -(Math.log(0.8) + Math.log(0.6)) / 2;

    assertThat(Metrics.logLoss(new double[] {0.8, 0.4}, new int[] {1, 0}))
        .isCloseTo(expected, within(1e-12));
    assertThat(Metrics.logLoss(new double[] {0.0}, new int[] {1}))
        .isFinite(); // clipped, not infinite
  }

  @Test
  void averagePrecisionWeighsEachCutsPrecisionByTheRecallItAdds() {
    // Ranked: fraud, legit, fraud, legit. Cuts add recall 1/2 at precision 1, then 1/2 at precision
    // 2/3.
    double[] scores = {0.9, 0.8, 0.7, 0.1};
    int[] labels = {1, 0, 1, 0};

    assertThat(Metrics.averagePrecision(scores, labels))
        .isCloseTo(0.5 * 1 + 0.5 * 2 / 3.0, within(1e-12));
    assertThat(Metrics.averagePrecision(new double[] {0.9, 0.8, 0.2, 0.1}, new int[] {1, 1, 0, 0}))
        .isEqualTo(1.0);
  }

  @Test
  void averagePrecisionTreatsTiedScoresAsOneCut() {
    // One cut flags both: recall 1 at precision 1/2; ranking the tie in either order must not
    // matter.
    assertThat(Metrics.averagePrecision(new double[] {0.5, 0.5}, new int[] {1, 0})).isEqualTo(0.5);
    assertThat(Metrics.averagePrecision(new double[] {0.5, 0.5}, new int[] {0, 1})).isEqualTo(0.5);
    assertThatThrownBy(() -> Metrics.averagePrecision(new double[] {0.5}, new int[] {0}))
        .hasMessageContaining("positive");
  }
}
