package io.fraudops.model.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bins the training population into a {@link DriftReference}: edges at the deciles of each
 * feature's non-missing values (fewer when a feature has few distinct values, e.g. a 0/1 flag), a
 * bin above the last edge and a bin for missing values.
 */
public final class ReferenceBuilder {

  public static final int DEFAULT_BINS = 10;

  private ReferenceBuilder() {}

  /**
   * @param rows training rows, one value per feature name (NaN = missing)
   * @param scores the model's probability for each row
   */
  public static DriftReference build(List<String> featureNames, double[][] rows, double[] scores) {
    if (rows.length == 0 || rows.length != scores.length) {
      throw new IllegalArgumentException("need one score per row, and at least one row");
    }
    List<Bins> features = new ArrayList<>(featureNames.size());
    double[] column = new double[rows.length];
    for (int f = 0; f < featureNames.size(); f++) {
      for (int r = 0; r < rows.length; r++) {
        column[r] = rows[r][f];
      }
      features.add(bins(featureNames.get(f), column, DEFAULT_BINS));
    }
    return new DriftReference(features, bins("score", scores.clone(), DEFAULT_BINS));
  }

  /** Quantile bins of {@code values} (reordered in place). */
  public static Bins bins(String name, double[] values, int binCount) {
    Arrays.sort(values); // NaN sorts last
    int present = values.length;
    while (present > 0 && Double.isNaN(values[present - 1])) {
      present--;
    }
    double[] edges = edges(values, present, binCount);
    double[] shares = new double[edges.length + 2];
    Bins shape = new Bins(name, edges, uniform(shares.length));
    for (double value : values) {
      shares[shape.binOf(value)] += 1.0 / values.length;
    }
    normalise(shares);
    return new Bins(name, edges, shares);
  }

  private static double[] edges(double[] sorted, int present, int binCount) {
    double[] edges = new double[binCount - 1];
    int count = 0;
    for (int q = 1; q < binCount && present > 0; q++) {
      double edge = sorted[Math.min(present - 1, (int) ((long) q * present / binCount))];
      // An edge at the maximum would leave the top bin empty forever; equal quantiles collapse.
      if (edge < sorted[present - 1] && (count == 0 || edge > edges[count - 1])) {
        edges[count++] = edge;
      }
    }
    return Arrays.copyOf(edges, count);
  }

  private static double[] uniform(int n) {
    double[] out = new double[n];
    Arrays.fill(out, 1.0 / n);
    return out;
  }

  /** Floating-point sums of 1/n drift from 1 by a few ulps; make them add up exactly enough. */
  private static void normalise(double[] shares) {
    double sum = 0;
    for (double s : shares) {
      sum += s;
    }
    for (int i = 0; i < shares.length; i++) {
      shares[i] /= sum;
    }
  }
}
