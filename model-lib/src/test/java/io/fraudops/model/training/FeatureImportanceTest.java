package io.fraudops.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureImportanceTest {

  @Test
  void weighsEachSplitByHowFarItsLeavesMovePredictions() {
    // Tree 1 splits a: 3 rows at -1, 1 row at +1; mean -0.5; change 3 * 0.5^2 + 1 * 1.5^2 = 3.
    // Tree 2 splits b: 1 row at 0, 3 rows at 0.5; mean 0.375; change 0.375^2 + 3 * 0.125^2 =
    // 0.1875.
    // Tree 3 splits both with equal leaves: counted as splits, moves nothing.
    TrainedModel model =
        new TrainedModel(
            List.of("a", "b"),
            new float[][] {{0.5f}, {0.5f}},
            new boolean[2],
            List.of(
                new ObliviousTree(new int[] {0}, new float[] {0.5f}, new double[] {-1, 1}),
                new ObliviousTree(new int[] {1}, new float[] {0.5f}, new double[] {0, 0.5}),
                new ObliviousTree(
                    new int[] {0, 1}, new float[] {0.5f, 0.5f}, new double[] {2, 2, 2, 2})),
            0.0,
            TrainingParams.defaults());
    Dataset training =
        new Dataset(
            new String[] {"a", "b"},
            new double[][] {{0, 0}, {0, 1}, {0, 1}, {1, 1}},
            new int[] {0, 0, 1, 1});

    FeatureImportance importance = FeatureImportance.of(model, training);

    assertThat(importance.importance()[0]).isCloseTo(100 * 3 / 3.1875, within(1e-9));
    assertThat(importance.importance()[1]).isCloseTo(100 * 0.1875 / 3.1875, within(1e-9));
    assertThat(importance.splits()).containsExactly(2, 2);
    assertThat(importance.ranking()).containsExactly(0, 1);
  }
}
