package io.fraudops.model.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CurvesTest {

  // Ranked: fraud, legit, fraud, legit.
  private static final double[] SCORES = {0.1, 0.9, 0.7, 0.8};
  private static final int[] LABELS = {0, 1, 1, 0};

  @Test
  void rocStepsThroughEachDistinctScoreFromNothingToEverythingFlagged() {
    Curve roc = Curves.roc(SCORES, LABELS);

    assertThat(roc.x()).containsExactly(0, 0, 0.5, 0.5, 1);
    assertThat(roc.y()).containsExactly(0, 0.5, 0.5, 1, 1);
  }

  @Test
  void precisionRecallHasOnePointPerThreshold() {
    Curve pr = Curves.precisionRecall(SCORES, LABELS);

    assertThat(pr.x()).containsExactly(0.5, 0.5, 1, 1);
    assertThat(pr.y()).containsExactly(1, 0.5, 2 / 3.0, 0.5);
  }

  @Test
  void tiedScoresMakeOnePoint() {
    Curve roc = Curves.roc(new double[] {0.5, 0.5, 0.5}, new int[] {1, 0, 0});

    assertThat(roc.x()).containsExactly(0, 1);
    assertThat(roc.y()).containsExactly(0, 1);
    assertThatThrownBy(() -> Curves.roc(new double[] {0.5}, new int[] {1}))
        .hasMessageContaining("both classes");
  }

  @Test
  void downsamplingSpreadsPointsAlongTheCurveAndKeepsItsEnds() {
    // A steep start of 11 points, then a flat run of 10,000: index-based thinning would drop the
    // start.
    int steep = 11;
    int flat = 10_000;
    double[] x = new double[steep + flat];
    double[] y = new double[x.length];
    for (int i = 0; i < steep; i++) {
      y[i] = i / 10.0;
    }
    for (int i = 0; i < flat; i++) {
      x[steep + i] = (i + 1) / (double) flat;
      y[steep + i] = 1;
    }

    Curve thinned = new Curve(x, y).downsample(200);

    assertThat(thinned.size()).isLessThanOrEqualTo(200).isGreaterThan(100);
    assertThat(thinned.y()).startsWith(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
    assertThat(thinned.x()[thinned.size() - 1]).isEqualTo(1.0);
    assertThat(new Curve(new double[] {0, 1}, new double[] {0, 1}).downsample(200).size())
        .isEqualTo(2);
  }
}
