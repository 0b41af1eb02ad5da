package io.fraudops.model.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreHistogramTest {

  @Test
  void countsEachClassInEqualWidthBinsWithAScoreOfOneInTheTopBin() {
    ScoreHistogram h =
        ScoreHistogram.of(
            new double[] {0.0, 0.04, 0.05, 0.99, 1.0, 0.5}, new int[] {0, 0, 0, 1, 1, 1}, 20);

    assertThat(h.legitimate()[0]).isEqualTo(2);
    assertThat(h.legitimate()[1]).isEqualTo(1);
    assertThat(h.fraud()[19]).isEqualTo(2);
    assertThat(h.fraud()[10]).isEqualTo(1);
    assertThat(h.lowerEdge(10)).isEqualTo(0.5);
  }
}
