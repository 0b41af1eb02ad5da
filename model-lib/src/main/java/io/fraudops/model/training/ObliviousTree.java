package io.fraudops.model.training;

import java.util.Arrays;

/**
 * A symmetric tree: the same split at every node of a level. Split d decides bit d of the leaf
 * index (first split = lowest bit), which is how CatBoost lays out {@code leaf_values}.
 *
 * @param features feature index of split d
 * @param borders border of split d; the split is true when {@code (float) x > border}
 * @param leafValues 2^depth raw-score contributions
 * @param leafWeights per leaf, how many training rows the tree was fitted on fell into it
 *     (CatBoost's {@code leaf_weights}); all zero when unknown. Tree-path reason codes average
 *     leaves by them.
 */
public record ObliviousTree(
    int[] features, float[] borders, double[] leafValues, double[] leafWeights) {

  public ObliviousTree {
    if (features.length != borders.length || features.length > 16) {
      throw new IllegalArgumentException("need one border per split feature, at most 16 splits");
    }
    if (leafValues.length != 1 << features.length) {
      throw new IllegalArgumentException(
          "depth "
              + features.length
              + " needs "
              + (1 << features.length)
              + " leaf values, got "
              + leafValues.length);
    }
    for (double v : leafValues) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("leaf values must be finite");
      }
    }
    if (leafWeights.length != leafValues.length) {
      throw new IllegalArgumentException(
          "need one weight per leaf, got "
              + leafWeights.length
              + " for "
              + leafValues.length
              + " leaves");
    }
    for (double w : leafWeights) {
      if (!(w >= 0 && Double.isFinite(w))) {
        throw new IllegalArgumentException("leaf weights must be finite and >= 0");
      }
    }
    features = features.clone();
    borders = borders.clone();
    leafValues = leafValues.clone();
    leafWeights = leafWeights.clone();
  }

  /** Without training weights (a hand-built tree): they are written as unknown. */
  public ObliviousTree(int[] features, float[] borders, double[] leafValues) {
    this(features, borders, leafValues, new double[leafValues.length]);
  }

  public int depth() {
    return features.length;
  }

  /** NaN compares false, so a missing value takes the false side (CatBoost's AsIs). */
  public int leafIndex(double[] row) {
    int index = 0;
    for (int d = 0; d < features.length; d++) {
      if ((float) row[features[d]] > borders[d]) {
        index |= 1 << d;
      }
    }
    return index;
  }

  public double predict(double[] row) {
    return leafValues[leafIndex(row)];
  }

  @Override
  public int[] features() {
    return features.clone();
  }

  @Override
  public float[] borders() {
    return borders.clone();
  }

  @Override
  public double[] leafValues() {
    return leafValues.clone();
  }

  @Override
  public double[] leafWeights() {
    return leafWeights.clone();
  }

  /**
   * Whether the weights are known: a tree fitted on at least one row has a positive weight
   * somewhere.
   */
  boolean hasLeafWeights() {
    for (double w : leafWeights) {
      if (w > 0) {
        return true;
      }
    }
    return false;
  }

  int feature(int level) {
    return features[level];
  }

  float border(int level) {
    return borders[level];
  }

  double leafValue(int leaf) {
    return leafValues[leaf];
  }

  double leafWeight(int leaf) {
    return leafWeights[leaf];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObliviousTree t
        && Arrays.equals(features, t.features)
        && Arrays.equals(borders, t.borders)
        && Arrays.equals(leafValues, t.leafValues)
        && Arrays.equals(leafWeights, t.leafWeights);
  }

  @Override
  public int hashCode() {
    int hash =
        31 * (31 * Arrays.hashCode(features) + Arrays.hashCode(borders))
            + Arrays.hashCode(leafValues);
    return 31 * hash + Arrays.hashCode(leafWeights);
  }

  @Override
  public String toString() {
    return "ObliviousTree[features="
        + Arrays.toString(features)
        + ", borders="
        + Arrays.toString(borders)
        + ", leaves="
        + leafValues.length
        + "]";
  }
}
