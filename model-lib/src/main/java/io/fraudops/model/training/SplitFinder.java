package io.fraudops.model.training;

import java.util.stream.IntStream;

/**
 * Finds the best split of one oblivious-tree level from gradient/hessian histograms over the
 * quantized bins. Features are searched in parallel; each feature's histogram is summed
 * sequentially and the winner is picked in feature order, so the result does not depend on thread
 * scheduling.
 */
final class SplitFinder {

  /**
   * A candidate: split is true when {@code bin > border}, i.e. {@code x >
   * borders[feature][border]}.
   */
  record Split(int feature, int border, double gain) {}

  private final byte[][] bins;
  private final int[] binCounts;
  private final double l2;

  SplitFinder(byte[][] bins, float[][] borders, double l2) {
    this.bins = bins;
    this.binCounts = new int[borders.length];
    for (int f = 0; f < borders.length; f++) {
      binCounts[f] = borders[f].length + 1;
    }
    this.l2 = l2;
  }

  /**
   * @return null when no feature has a border
   */
  Split best(int[] rows, int[] leafOf, int leaves, double[] gradients, double[] hessians) {
    Split[] perFeature =
        IntStream.range(0, bins.length)
            .parallel()
            .mapToObj(f -> bestForFeature(f, rows, leafOf, leaves, gradients, hessians))
            .toArray(Split[]::new);
    Split best = null;
    for (Split candidate : perFeature) {
      if (candidate != null && (best == null || candidate.gain() > best.gain())) {
        best = candidate;
      }
    }
    return best;
  }

  /**
   * Newton gain summed over the current leaves: G_left^2/(H_left+l2) + G_right^2/(H_right+l2). The
   * parent's term is the same for every candidate of the level, so it is left out of the
   * comparison.
   */
  private Split bestForFeature(
      int feature, int[] rows, int[] leafOf, int leaves, double[] g, double[] h) {
    int nb = binCounts[feature];
    if (nb < 2) {
      return null;
    }
    double[] gradSum = new double[leaves * nb];
    double[] hessSum = new double[leaves * nb];
    byte[] column = bins[feature];
    for (int row : rows) {
      int k = leafOf[row] * nb + (column[row] & 0xFF);
      gradSum[k] += g[row];
      hessSum[k] += h[row];
    }
    double[] gain = new double[nb - 1];
    for (int leaf = 0; leaf < leaves; leaf++) {
      int base = leaf * nb;
      double totalG = 0;
      double totalH = 0;
      for (int b = 0; b < nb; b++) {
        totalG += gradSum[base + b];
        totalH += hessSum[base + b];
      }
      double leftG = 0;
      double leftH = 0;
      for (int b = 0; b < nb - 1; b++) {
        leftG += gradSum[base + b];
        leftH += hessSum[base + b];
        gain[b] += score(leftG, leftH) + score(totalG - leftG, totalH - leftH);
      }
    }
    int bestBorder = 0;
    for (int b = 1; b < gain.length; b++) {
      if (gain[b] > gain[bestBorder]) {
        bestBorder = b;
      }
    }
    return new Split(feature, bestBorder, gain[bestBorder]);
  }

  private double score(double g, double h) {
    double denominator = h + l2;
    return denominator > 0 ? g * g / denominator : 0;
  }
}
