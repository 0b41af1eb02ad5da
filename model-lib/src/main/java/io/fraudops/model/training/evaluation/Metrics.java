package io.fraudops.model.training.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Evaluation metrics for binary fraud labels. */
public final class Metrics {

  /** Predicted probabilities are clipped so one confident mistake costs a lot but not infinity. */
  private static final double EPSILON = 1e-15;

  private Metrics() {}

  /**
   * ROC-AUC: the probability that a random fraud scores above a random legitimate row, ties
   * counting half (Mann-Whitney U with mid-ranks).
   */
  public static double rocAuc(double[] scores, int[] labels) {
    requireSameLength(scores, labels);
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double positiveRankSum = 0;
    long positives = 0;
    for (int start = 0; start < order.length; ) {
      int end = start;
      while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      double midRank = (start + end) / 2.0 + 1; // 1-based rank shared by the tie group
      for (int k = start; k <= end; k++) {
        if (labels[order[k]] == 1) {
          positiveRankSum += midRank;
          positives++;
        }
      }
      start = end + 1;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException(
          "ROC-AUC needs both classes: " + positives + " positives, " + negatives + " negatives");
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * PR-AUC as average precision: over the distinct scores from high to low, the precision at each
   * cut weighted by the recall it adds, {@code sum (R_k - R_k-1) * P_k} (scikit-learn's definition;
   * no interpolation, which would be optimistic). A random ranking scores about the fraud rate.
   */
  public static double averagePrecision(double[] scores, int[] labels) {
    requireSameLength(scores, labels);
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    long positives = Arrays.stream(labels).filter(label -> label == 1).count();
    if (positives == 0) {
      throw new IllegalArgumentException("average precision needs at least one positive");
    }
    double sum = 0;
    long truePositives = 0;
    for (int start = 0; start < order.length; ) {
      int end = start;
      long added = labels[order[start]];
      while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
        end++;
        added += labels[order[end]];
      }
      truePositives += added;
      sum += (double) added / positives * truePositives / (end + 1);
      start = end + 1;
    }
    return sum;
  }

  /** Mean negative log-likelihood of the labels under the predicted probabilities. */
  public static double logLoss(double[] probabilities, int[] labels) {
    requireSameLength(probabilities, labels);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double p = Math.min(Math.max(probabilities[i], EPSILON), 1 - EPSILON);
      sum -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
    }
    return sum / labels.length;
  }

  private static void requireSameLength(double[] values, int[] labels) {
    if (values.length != labels.length || values.length == 0) {
      throw new IllegalArgumentException("need one prediction per label, and at least one");
    }
  }
}
