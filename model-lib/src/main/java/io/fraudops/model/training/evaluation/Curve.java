package io.fraudops.model.training.evaluation;

import java.util.Arrays;

/**
 * Points of a curve in the unit square, in drawing order: ROC as (false positive rate, true
 * positive rate), precision-recall as (recall, precision).
 */
public record Curve(double[] x, double[] y) {

  public Curve {
    if (x == null || y == null || x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException(
          "a curve needs as many y as x values, and at least one point");
    }
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= 0 && x[i] <= 1 && y[i] >= 0 && y[i] <= 1)) {
        throw new IllegalArgumentException(
            "point " + i + " (" + x[i] + ", " + y[i] + ") is outside [0, 1]^2");
      }
    }
    x = x.clone();
    y = y.clone();
  }

  public int size() {
    return x.length;
  }

  /**
   * At most {@code maxPoints} points, spread evenly along the curve's length (not its point index:
   * a ROC curve's thousands of low-score points would otherwise crowd out the steep start that
   * matters), first and last kept.
   */
  public Curve downsample(int maxPoints) {
    if (maxPoints < 2) {
      throw new IllegalArgumentException("keep at least 2 points");
    }
    if (x.length <= maxPoints) {
      return this;
    }
    double[] travelled = new double[x.length];
    for (int i = 1; i < x.length; i++) {
      travelled[i] = travelled[i - 1] + Math.abs(x[i] - x[i - 1]) + Math.abs(y[i] - y[i - 1]);
    }
    double step = travelled[x.length - 1] / (maxPoints - 1);
    int[] keep = new int[maxPoints];
    int kept = 0;
    keep[kept++] = 0;
    for (int i = 1, mark = 1; i < x.length - 1 && mark < maxPoints - 1; i++) {
      if (travelled[i] >= mark * step) {
        keep[kept++] = i;
        while (mark < maxPoints - 1 && travelled[i] >= mark * step) {
          mark++;
        }
      }
    }
    keep[kept++] = x.length - 1;
    double[] nx = new double[kept];
    double[] ny = new double[kept];
    for (int k = 0; k < kept; k++) {
      nx[k] = x[keep[k]];
      ny[k] = y[keep[k]];
    }
    return new Curve(nx, ny);
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Curve c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
  }

  @Override
  public String toString() {
    return "Curve[" + x.length + " points]";
  }
}
