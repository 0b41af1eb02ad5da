package io.fraudops.model.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceBuilderTest {

  @Test
  void putsAboutATenthOfAContinuousFeatureInEachBinAndMissingValuesApart() {
    double[][] rows = new double[1000][];
    double[] scores = new double[1000];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {i < 100 ? Double.NaN : i, i % 2};
      scores[i] = i / 1000.0;
    }

    DriftReference reference = ReferenceBuilder.build(List.of("amount", "flag"), rows, scores);

    Bins amount = reference.features().get(0);
    assertThat(amount.edges()).hasSize(9);
    assertThat(amount.share(amount.binCount() - 1)).isCloseTo(0.1, within(1e-9));
    for (int bin = 0; bin < amount.binCount() - 1; bin++) {
      assertThat(amount.share(bin)).isCloseTo(0.09, within(0.002));
    }
    Bins flag = reference.features().get(1);
    assertThat(flag.edges()).containsExactly(0.0);
    assertThat(flag.shares()).containsExactly(0.5, 0.5, 0.0);
    assertThat(reference.score().edges()).hasSize(9);
  }

  @Test
  void aConstantFeatureHasOneBinHoldingEverything() {
    Bins bins = ReferenceBuilder.bins("c", new double[] {3, 3, 3, 3}, 10);
    assertThat(bins.edges()).isEmpty();
    assertThat(bins.shares()).containsExactly(1.0, 0.0);
  }
}
