package io.fraudops.model.training.evaluation;

/**
 * Outcomes at one operating threshold: a payment is flagged when its score is at or above it, as
 * the decision table compares ({@code score >= threshold}). Precision and recall are 0 when
 * undefined (nothing flagged, no fraud), so they stay finite for metrics stores.
 */
public record ConfusionMatrix(
    double threshold,
    long truePositives,
    long falsePositives,
    long trueNegatives,
    long falseNegatives) {

  public ConfusionMatrix {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
    }
    if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  public static ConfusionMatrix at(double threshold, double[] scores, int[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException("need one score per label");
    }
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean flagged = scores[i] >= threshold;
      boolean fraud = labels[i] == 1;
      if (flagged) {
        tp += fraud ? 1 : 0;
        fp += fraud ? 0 : 1;
      } else {
        fn += fraud ? 1 : 0;
        tn += fraud ? 0 : 1;
      }
    }
    return new ConfusionMatrix(threshold, tp, fp, tn, fn);
  }

  /** Of the flagged payments, the share that is fraud. */
  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** Of the fraud, the share that is flagged. */
  public double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Of the legitimate payments, the share that is flagged: the customers bothered for nothing. */
  public double falsePositiveRate() {
    return ratio(falsePositives, falsePositives + trueNegatives);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
