package io.fraudops.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetTest {

  private static final String[] NAMES = {"a", "b"};

  @Test
  void acceptsMissingFeatureValues() {
    Dataset data = new Dataset(NAMES, new double[][] {{1, Double.NaN}, {2, 3}}, new int[] {0, 1});

    assertThat(data.size()).isEqualTo(2);
    assertThat(data.value(0, 1)).isNaN();
  }

  @Test
  void rejectsRaggedRowsBadLabelsAndInfiniteValues() {
    assertThatThrownBy(() -> new Dataset(NAMES, new double[][] {{1, 2}, {3}}, new int[] {0, 1}))
        .hasMessageContaining("row 1 has 1 values, expected 2");
    assertThatThrownBy(() -> new Dataset(NAMES, new double[][] {{1, 2}}, new int[] {2}))
        .hasMessageContaining("expected 0 or 1");
    assertThatThrownBy(() -> new Dataset(NAMES, new double[][] {{1, 2}}, new int[] {0, 1}))
        .hasMessageContaining("as many labels as rows");
    assertThatThrownBy(
            () -> new Dataset(NAMES, new double[][] {{1, Double.POSITIVE_INFINITY}}, new int[] {0}))
        .hasMessageContaining("must fit a float");
    assertThatThrownBy(() -> new Dataset(NAMES, new double[][] {{1, 1e300}}, new int[] {0}))
        .hasMessageContaining("must fit a float");
    assertThatThrownBy(
            () -> new Dataset(new String[] {"a", "a"}, new double[][] {{1, 2}}, new int[] {0}))
        .hasMessageContaining("unique");
  }

  @Test
  void isImmuneToChangesOfTheCallersArrays() {
    double[][] rows = {{1, 2}};
    int[] labels = {1};
    Dataset data = new Dataset(NAMES, rows, labels);

    rows[0][0] = 99;
    labels[0] = 7;
    data.rows()[0][1] = 99;

    assertThat(data.row(0)).containsExactly(1, 2);
    assertThat(data.label(0)).isEqualTo(1);
  }

  @Test
  void mediansIgnoreMissingValues() {
    Dataset data =
        new Dataset(
            NAMES,
            new double[][] {{1, Double.NaN}, {5, Double.NaN}, {2, Double.NaN}, {4, Double.NaN}},
            new int[] {0, 1, 0, 0});

    assertThat(data.featureMedians()).containsExactly(3.0, 0.0);
  }
}
