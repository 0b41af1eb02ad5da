package io.fraudops.model.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PsiTest {

  private static final Bins QUARTERS =
      new Bins("x", new double[] {1, 2}, new double[] {0.25, 0.25, 0.5, 0});

  @Test
  void matchesAHandComputedExample() {
    // (0.5 - 0.25) ln 2 + 0 + (0.25 - 0.5) ln 0.5 = 0.5 ln 2; the missing bin is empty on both
    // sides
    assertThat(Psi.of(QUARTERS, new int[] {50, 25, 25, 0}))
        .isCloseTo(0.5 * Math.log(2), within(1e-12));
    assertThat(Psi.between(new double[] {0.25, 0.25, 0.5}, new double[] {0.5, 0.25, 0.25}))
        .isCloseTo(0.346574, within(1e-6));
  }

  @Test
  void identicalDistributionsGiveZero() {
    assertThat(Psi.of(QUARTERS, new int[] {1, 1, 2, 0})).isCloseTo(0, within(1e-15));
    assertThat(Psi.of(QUARTERS, new int[] {2500, 2500, 5000, 0})).isCloseTo(0, within(1e-15));
  }

  @Test
  void anEmptyShareCountsAsEpsilonSoAValueTheReferenceNeverHadStaysFinite() {
    // 0 + (0.4 - 0.5) ln 0.8 + (0.1 - 1e-4) ln (0.1 / 1e-4)
    double psi = Psi.between(new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.4, 0.1});
    assertThat(psi).isCloseTo(0.712399, within(1e-6));
    assertThat(Psi.of(QUARTERS, new int[] {0, 0, 0, 10}))
        .isFinite()
        .isGreaterThan(DriftLevel.SIGNIFICANT_FROM);
  }

  @Test
  void nothingObservedIsNotANumberAndHasNoLevel() {
    assertThat(Psi.of(QUARTERS, new int[4])).isNaN();
    assertThat(DriftLevel.of(Double.NaN)).isEqualTo(DriftLevel.NO_DATA);
  }

  @Test
  void levelsFollowTheUsualThresholds() {
    assertThat(DriftLevel.of(0)).isEqualTo(DriftLevel.STABLE);
    assertThat(DriftLevel.of(0.0999)).isEqualTo(DriftLevel.STABLE);
    assertThat(DriftLevel.of(0.1)).isEqualTo(DriftLevel.MODERATE);
    assertThat(DriftLevel.of(0.2499)).isEqualTo(DriftLevel.MODERATE);
    assertThat(DriftLevel.of(0.25)).isEqualTo(DriftLevel.SIGNIFICANT);
  }

  @Test
  void samplingNoiseCountsOnlyBinsTheReferenceFilled() {
    assertThat(Psi.samplingNoise(QUARTERS, 100)).isCloseTo(0.02, within(1e-12)); // 3 filled bins
    assertThat(Psi.samplingNoise(QUARTERS, 0)).isNaN();
  }

  @Test
  void refusesCountsThatDoNotFitTheBins() {
    assertThatThrownBy(() -> Psi.of(QUARTERS, new int[] {1, 2}))
        .hasMessageContaining("4 bins but 2 counts");
    assertThatThrownBy(() -> Psi.between(new double[] {1}, new double[] {0.5, 0.5}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
