package io.fraudops.model.scoring;

/**
 * Per oblivious tree, the expected leaf value once the first d splits are known, for every d and
 * every outcome of them. Split d sets bit d of the leaf index, so a prefix of d outcomes is the
 * leaf index's low d bits, and the leaves below it are those sharing them.
 */
final class PrefixMeans {

  private PrefixMeans() {}

  /**
   * @param weights training rows per leaf, or null; uniform when null or all zero (a model exported
   *     without them, or a hand-built tree)
   * @return 2^(depth+1) - 1 means: level d's 2^d prefixes from offset 2^d - 1, the leaves last
   */
  static double[] of(double[] leafValues, double[] weights) {
    int leaves = leafValues.length;
    if (Integer.bitCount(leaves) != 1 || (weights != null && weights.length != leaves)) {
      throw new IllegalArgumentException("need 2^depth leaf values and as many weights");
    }
    boolean uniform = weights == null || allZero(weights);
    double[] means = new double[2 * leaves - 1];
    double[] mass = new double[2 * leaves - 1];
    for (int leaf = 0; leaf < leaves; leaf++) {
      means[leaves - 1 + leaf] = leafValues[leaf];
      mass[leaves - 1 + leaf] = uniform ? 1.0 : weights[leaf];
    }
    for (int level = Integer.numberOfTrailingZeros(leaves) - 1; level >= 0; level--) {
      int base = (1 << level) - 1;
      int below = (2 << level) - 1;
      for (int prefix = 0; prefix < 1 << level; prefix++) {
        int off = below + prefix;
        int on = below + (prefix | 1 << level);
        double total = mass[off] + mass[on];
        // No training row ever reached this prefix: nothing to weigh by, so both halves count
        // alike.
        means[base + prefix] =
            total > 0
                ? (means[off] * mass[off] + means[on] * mass[on]) / total
                : (means[off] + means[on]) / 2;
        mass[base + prefix] = total;
      }
    }
    return means;
  }

  private static boolean allZero(double[] weights) {
    for (double w : weights) {
      if (w != 0) {
        return false;
      }
    }
    return true;
  }
}
