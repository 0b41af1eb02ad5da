package io.fraudops.model.training;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A labelled training matrix. {@code NaN} in a feature means "missing" and, as CatBoost's {@code
 * nan_value_treatment = AsIs}, goes to the false side of every split. Infinite values are refused:
 * CatBoost reads features as float and a border next to infinity is meaningless. Arrays are copied
 * in and out, so a validated dataset stays valid.
 *
 * @param rows one array per example, {@code featureNames.length} wide
 * @param labels 1 = fraud, 0 = legitimate
 */
public record Dataset(String[] featureNames, double[][] rows, int[] labels) {

  public Dataset {
    if (featureNames == null || featureNames.length == 0) {
      throw new IllegalArgumentException("at least one feature name is required");
    }
    Set<String> seen = new HashSet<>();
    for (String name : featureNames) {
      if (name == null || name.isBlank() || !seen.add(name)) {
        throw new IllegalArgumentException(
            "feature names must be unique and not blank: " + Arrays.toString(featureNames));
      }
    }
    if (rows == null || labels == null || rows.length == 0 || rows.length != labels.length) {
      throw new IllegalArgumentException("need as many labels as rows, and at least one row");
    }
    featureNames = featureNames.clone();
    labels = labels.clone();
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = checkedRow(rows[i], featureNames.length, i);
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException(
            "label of row " + i + " is " + labels[i] + ", expected 0 or 1");
      }
    }
    rows = copy;
  }

  private static double[] checkedRow(double[] row, int width, int index) {
    if (row == null || row.length != width) {
      throw new IllegalArgumentException(
          "row "
              + index
              + " has "
              + (row == null ? "no" : row.length)
              + " values, expected "
              + width);
    }
    for (int f = 0; f < width; f++) {
      if (Double.isInfinite(row[f]) || Math.abs(row[f]) > Float.MAX_VALUE) {
        throw new IllegalArgumentException(
            "row "
                + index
                + " feature "
                + f
                + " is "
                + row[f]
                + ": values must fit a float (NaN = missing is fine)");
      }
    }
    return row.clone();
  }

  @Override
  public String[] featureNames() {
    return featureNames.clone();
  }

  @Override
  public double[][] rows() {
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  public int size() {
    return rows.length;
  }

  public int featureCount() {
    return featureNames.length;
  }

  public double value(int row, int feature) {
    return rows[row][feature];
  }

  public double[] row(int row) {
    return rows[row].clone();
  }

  public int label(int row) {
    return labels[row];
  }

  public double[] column(int feature) {
    double[] out = new double[rows.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows[i][feature];
    }
    return out;
  }

  /**
   * Per feature the median of the non-missing values (0 for an all-missing feature): reason-code
   * baselines.
   */
  public double[] featureMedians() {
    double[] medians = new double[featureNames.length];
    for (int f = 0; f < medians.length; f++) {
      double[] present = Arrays.stream(column(f)).filter(v -> !Double.isNaN(v)).sorted().toArray();
      int n = present.length;
      medians[f] =
          n == 0 ? 0.0 : n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
    }
    return medians;
  }

  // Records compare arrays by identity; datasets are compared by content in tests.
  @Override
  public boolean equals(Object o) {
    return o instanceof Dataset d
        && Arrays.equals(featureNames, d.featureNames)
        && Arrays.deepEquals(rows, d.rows)
        && Arrays.equals(labels, d.labels);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(featureNames) + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "Dataset["
        + rows.length
        + " rows x "
        + featureNames.length
        + " features, "
        + Arrays.stream(labels).sum()
        + " positives]";
  }
}
