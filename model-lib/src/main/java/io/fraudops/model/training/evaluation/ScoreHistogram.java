package io.fraudops.model.training.evaluation;

import java.util.Arrays;

/**
 * Scores of fraud and of legitimate payments counted in equal-width bins over [0, 1]: how far apart
 * the model pushes the two classes, and how many legitimate payments sit above a threshold.
 */
public record ScoreHistogram(long[] fraud, long[] legitimate) {

  public ScoreHistogram {
    if (fraud == null
        || legitimate == null
        || fraud.length != legitimate.length
        || fraud.length == 0) {
      throw new IllegalArgumentException(
          "need the same number of bins for both classes, at least one");
    }
    fraud = fraud.clone();
    legitimate = legitimate.clone();
  }

  public static ScoreHistogram of(double[] scores, int[] labels, int bins) {
    if (bins < 1 || scores.length != labels.length) {
      throw new IllegalArgumentException("need at least one bin and one score per label");
    }
    long[] fraud = new long[bins];
    long[] legitimate = new long[bins];
    for (int i = 0; i < scores.length; i++) {
      int bin =
          Math.min(
              bins - 1, Math.max(0, (int) (scores[i] * bins))); // a score of 1 joins the top bin
      if (labels[i] == 1) {
        fraud[bin]++;
      } else {
        legitimate[bin]++;
      }
    }
    return new ScoreHistogram(fraud, legitimate);
  }

  public int bins() {
    return fraud.length;
  }

  /** Bin {@code i} holds scores in {@code [i / bins, (i + 1) / bins)}, the last one including 1. */
  public double lowerEdge(int bin) {
    return (double) bin / fraud.length;
  }

  @Override
  public long[] fraud() {
    return fraud.clone();
  }

  @Override
  public long[] legitimate() {
    return legitimate.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreHistogram h
        && Arrays.equals(fraud, h.fraud)
        && Arrays.equals(legitimate, h.legitimate);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(fraud) + Arrays.hashCode(legitimate);
  }
}
