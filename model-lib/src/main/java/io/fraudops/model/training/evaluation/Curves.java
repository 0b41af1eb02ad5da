package io.fraudops.model.training.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** ROC and precision-recall curves, one point per distinct score, thresholds from high to low. */
public final class Curves {

  private Curves() {}

  /** From (0, 0), nothing flagged, to (1, 1), everything flagged. */
  public static Curve roc(double[] scores, int[] labels) {
    long[][] counts = cumulative(scores, labels);
    long positives = counts[0][counts[0].length - 1];
    long negatives = counts[1][counts[1].length - 1];
    require(positives > 0 && negatives > 0, "a ROC curve needs both classes");
    double[] x = new double[counts[0].length + 1];
    double[] y = new double[x.length];
    for (int k = 0; k < counts[0].length; k++) {
      x[k + 1] = (double) counts[1][k] / negatives;
      y[k + 1] = (double) counts[0][k] / positives;
    }
    return new Curve(x, y);
  }

  /** (recall, precision) at each threshold; the first point flags only the highest score. */
  public static Curve precisionRecall(double[] scores, int[] labels) {
    long[][] counts = cumulative(scores, labels);
    long positives = counts[0][counts[0].length - 1];
    require(positives > 0, "a precision-recall curve needs fraud");
    double[] x = new double[counts[0].length];
    double[] y = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      long flagged = counts[0][k] + counts[1][k];
      x[k] = (double) counts[0][k] / positives;
      y[k] = (double) counts[0][k] / flagged;
    }
    return new Curve(x, y);
  }

  /** Per distinct score, high to low: [0] positives and [1] negatives scoring at or above it. */
  private static long[][] cumulative(double[] scores, int[] labels) {
    require(
        scores.length == labels.length && scores.length > 0,
        "need one score per label, and at least one");
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    long[] tp = new long[scores.length];
    long[] fp = new long[scores.length];
    int groups = 0;
    long positives = 0;
    long negatives = 0;
    for (int i = 0; i < order.length; i++) {
      positives += labels[order[i]];
      negatives += 1 - labels[order[i]];
      boolean lastOfGroup = i + 1 == order.length || scores[order[i + 1]] != scores[order[i]];
      if (lastOfGroup) {
        tp[groups] = positives;
        fp[groups] = negatives;
        groups++;
      }
    }
    return new long[][] {Arrays.copyOf(tp, groups), Arrays.copyOf(fp, groups)};
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
