package io.fraudops.model.scoring;

import java.util.Arrays;

/**
 * The oblivious trees of a CatBoost model with float features only, read from its JSON, with what
 * tree-path reason codes need precomputed: per tree, the weighted mean leaf value below every
 * prefix of split outcomes. Predicts as catboost4j does (float comparisons {@code x > border}, NaN
 * to the false side unless the feature's {@code nan_value_treatment} is {@code AsTrue}). Immutable
 * and thread-safe; a row is scored without allocating.
 */
public final class ObliviousEnsemble {

  private final int featureCount;
  private final boolean[] nanAsTrue;
  private final int[] depths;
  // Splits of all trees in order, flattened so the hot path walks plain arrays.
  private final int[] splitFeatures;
  private final float[] splitBorders;
  // Per tree, 2^(depth+1) - 1 means: level d's 2^d prefixes start at offset 2^d - 1; the last level
  // is
  // the leaf values themselves, so a prediction and an explanation read the same numbers.
  private final double[] means;
  private final double scale;
  private final double bias;
  private final double expectedRaw;
  private final int maxDepth;
  private final int weightedTrees;
  // The row as the trees compare it, per thread: converted once instead of at each of its many
  // splits.
  private final ThreadLocal<float[]> inputs;

  /**
   * @param weightedTrees how many trees had leaf weights to average by (the others count leaves
   *     alike)
   */
  ObliviousEnsemble(
      boolean[] nanAsTrue,
      int[] depths,
      int[] splitFeatures,
      float[] splitBorders,
      double[] means,
      double scale,
      double bias,
      int weightedTrees) {
    this.featureCount = nanAsTrue.length;
    this.nanAsTrue = nanAsTrue.clone();
    this.depths = depths.clone();
    this.splitFeatures = splitFeatures.clone();
    this.splitBorders = splitBorders.clone();
    this.means = means.clone();
    this.scale = scale;
    this.bias = bias;
    this.weightedTrees = weightedTrees;
    this.inputs = ThreadLocal.withInitial(() -> new float[featureCount]);
    if (Arrays.stream(depths).map(d -> (2 << d) - 1).sum() != means.length
        || Arrays.stream(depths).sum() != splitFeatures.length
        || splitBorders.length != splitFeatures.length) {
      throw new IllegalArgumentException("tree depths do not match the splits and means given");
    }
    double sum = 0;
    int node = 0;
    for (int d : depths) {
      sum += means[node]; // a tree's overall mean comes first
      node += (2 << d) - 1;
    }
    this.expectedRaw = scale * sum + bias;
    this.maxDepth = Arrays.stream(depths).max().orElse(0);
  }

  /**
   * @throws IllegalArgumentException when the JSON is not a CatBoost model of oblivious trees over
   *     float features (non-symmetric trees, categorical features, several outputs)
   */
  public static ObliviousEnsemble fromCatBoostJson(byte[] json) {
    return CatBoostJsonTrees.parse(json);
  }

  public int featureCount() {
    return featureCount;
  }

  public int treeCount() {
    return depths.length;
  }

  public int maxDepth() {
    return maxDepth;
  }

  /**
   * Trees whose leaves carried training weights; a model exported without them explains less
   * faithfully.
   */
  public int weightedTrees() {
    return weightedTrees;
  }

  /** The raw score (log-odds) of {@code row}, as catboost4j computes it. */
  public double predictRaw(double[] row) {
    float[] x = prepare(row);
    double sum = 0;
    int split = 0;
    int node = 0;
    for (int depth : depths) {
      int leaf = 0;
      for (int d = 0; d < depth; d++, split++) {
        leaf |= (x[splitFeatures[split]] > splitBorders[split] ? 1 : 0) << d;
      }
      sum += means[node + (1 << depth) - 1 + leaf];
      node += (2 << depth) - 1;
    }
    return scale * sum + bias;
  }

  /** The raw score of an "average" row: every tree's leaves averaged by their training weights. */
  public double expectedRaw() {
    return expectedRaw;
  }

  /**
   * Saabas path attribution in raw-score units: walking level d of a tree moves the expected value
   * from the mean below the prefix before d to the mean below the prefix through d, and the split's
   * feature gets that step. Per tree the steps telescope to leaf - mean, so the contributions add
   * up to {@code raw - expectedRaw()} (up to rounding).
   *
   * @param out overwritten with one contribution per feature; {@code featureCount()} long
   * @return the raw score of {@code row}
   */
  public double contributions(double[] row, double[] out) {
    float[] x = prepare(row);
    if (out.length != featureCount) {
      throw new IllegalArgumentException(
          "need room for " + featureCount + " contributions, got " + out.length);
    }
    Arrays.fill(out, 0.0);
    double sum = 0;
    int split = 0;
    int node = 0;
    for (int depth : depths) {
      int prefix = 0;
      double mean = means[node];
      for (int d = 0; d < depth; d++, split++) {
        prefix |= (x[splitFeatures[split]] > splitBorders[split] ? 1 : 0) << d;
        double next = means[node + (2 << d) - 1 + prefix];
        out[splitFeatures[split]] += next - mean;
        mean = next;
      }
      sum += mean;
      node += (2 << depth) - 1;
    }
    if (scale != 1.0) {
      for (int f = 0; f < featureCount; f++) {
        out[f] *= scale;
      }
    }
    return scale * sum + bias;
  }

  /**
   * The row in float, as CatBoost compares it, with a missing value moved below every border (or,
   * for {@code AsTrue}, above): then every split is one comparison shifted into the leaf index,
   * which the JIT can compile without a branch. A branch per split, mispredicted often on real
   * rows, measured 2-3x slower.
   */
  private float[] prepare(double[] row) {
    requireWidth(row.length);
    float[] x = inputs.get();
    for (int f = 0; f < featureCount; f++) {
      float v = (float) row[f];
      x[f] = v == v ? v : nanAsTrue[f] ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
    }
    return x;
  }

  private void requireWidth(int width) {
    if (width != featureCount) {
      throw new IllegalArgumentException(
          "the trees read " + featureCount + " features, got " + width);
    }
  }

  @Override
  public String toString() {
    return depths.length
        + " oblivious trees of depth <= "
        + maxDepth
        + " over "
        + featureCount
        + " features, "
        + weightedTrees
        + " with leaf weights";
  }
}
