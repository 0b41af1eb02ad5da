package io.fraudops.model.training;

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
        assertThat(Metrics.rocAuc(new double[] {0.5, 0.5, 0.5, 0.5}, labels)).isEqualTo(0.5); // ties count half
    }

    @Test
    void aucNeedsBothClasses() {
        assertThatThrownBy(() -> Metrics.rocAuc(new double[] {0.1, 0.2}, new int[] {1, 1}))
                .hasMessageContaining("both classes");
    }

    @Test
    void logLossOfKnownPredictions() {
        double expected = -(Math.log(0.8) + Math.log(0.6)) / 2;

        assertThat(Metrics.logLoss(new double[] {0.8, 0.4}, new int[] {1, 0})).isCloseTo(expected, within(1e-12));
        assertThat(Metrics.logLoss(new double[] {0.0}, new int[] {1})).isFinite(); // clipped, not infinite
    }
}
