package io.fraudops.model.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

  @Test
  void flagsScoresAtOrAboveTheThreshold() {
    // Flagged: 0.9 fraud, 0.8 legit, 0.7 fraud (equal to the threshold); not flagged: 0.1 legit.
    ConfusionMatrix m =
        ConfusionMatrix.at(0.7, new double[] {0.9, 0.8, 0.7, 0.1}, new int[] {1, 0, 1, 0});

    assertThat(m).isEqualTo(new ConfusionMatrix(0.7, 2, 1, 1, 0));
    assertThat(m.precision()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(m.recall()).isEqualTo(1.0);
    assertThat(m.f1()).isCloseTo(0.8, within(1e-12));
    assertThat(m.falsePositiveRate()).isEqualTo(0.5);
  }

  @Test
  void undefinedRatiosAreZeroNotNaN() {
    ConfusionMatrix nothingFlagged =
        ConfusionMatrix.at(0.95, new double[] {0.9, 0.1}, new int[] {1, 0});

    assertThat(nothingFlagged.precision()).isZero();
    assertThat(nothingFlagged.recall()).isZero();
    assertThat(nothingFlagged.f1()).isZero();
  }
}
