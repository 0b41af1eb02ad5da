package io.fraudops.model.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PerformanceTest {

  @Test
  void summarisesALargePeriodWithBoundedCurves() {
    Random random = new Random(7);
    int n = 20_000;
    double[] scores = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextDouble() < 0.02 ? 1 : 0;
      scores[i] =
          Math.min(1, Math.max(0, (labels[i] == 1 ? 0.7 : 0.2) + 0.2 * random.nextGaussian()));
    }

    Performance p = Performance.of(scores, labels, 0.5);

    assertThat(p.roc().size()).isLessThanOrEqualTo(Performance.MAX_CURVE_POINTS);
    assertThat(p.precisionRecall().size()).isLessThanOrEqualTo(Performance.MAX_CURVE_POINTS);
    assertThat(p.summary().rocAuc()).isGreaterThan(0.9);
    assertThat(p.prAuc()).isGreaterThan(p.baseRate()).isLessThan(p.summary().rocAuc());
    long total = 0;
    for (int b = 0; b < p.histogram().bins(); b++) {
      total += p.histogram().fraud()[b] + p.histogram().legitimate()[b];
    }
    assertThat(total).isEqualTo(n);
  }
}
