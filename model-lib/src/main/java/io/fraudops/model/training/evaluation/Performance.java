package io.fraudops.model.training.evaluation;

import java.util.Objects;

/**
 * Everything a training report says about one period: ranking quality (ROC-AUC, PR-AUC),
 * calibration (log loss), outcomes at the operating threshold, and down-sampled curves and
 * histograms to draw.
 *
 * @param summary ROC-AUC, log loss, rows and fraud count
 * @param prAuc average precision
 */
public record Performance(
    Evaluation summary,
    double prAuc,
    ConfusionMatrix confusion,
    Curve roc,
    Curve precisionRecall,
    ScoreHistogram histogram) {

  /**
   * Enough to draw a smooth curve; a report stays a few hundred kilobytes whatever the data size.
   */
  public static final int MAX_CURVE_POINTS = 200;

  public static final int HISTOGRAM_BINS = 20;

  public Performance {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(confusion, "confusion");
    Objects.requireNonNull(roc, "roc");
    Objects.requireNonNull(precisionRecall, "precisionRecall");
    Objects.requireNonNull(histogram, "histogram");
    if (!(prAuc >= 0 && prAuc <= 1)) {
      throw new IllegalArgumentException("PR-AUC must be in [0, 1], was " + prAuc);
    }
    long counted =
        confusion.truePositives()
            + confusion.falsePositives()
            + confusion.trueNegatives()
            + confusion.falseNegatives();
    if (counted != summary.rows()) {
      throw new IllegalArgumentException(
          "the confusion matrix counts " + counted + " of " + summary.rows() + " rows");
    }
  }

  /**
   * @param scores predicted fraud probabilities
   * @param labels 1 = fraud; both classes must occur
   * @param threshold flag at or above this score
   */
  public static Performance of(double[] scores, int[] labels, double threshold) {
    int positives = 0;
    for (int label : labels) {
      positives += label;
    }
    Evaluation summary =
        new Evaluation(
            Metrics.rocAuc(scores, labels),
            Metrics.logLoss(scores, labels),
            labels.length,
            positives);
    return new Performance(
        summary,
        Metrics.averagePrecision(scores, labels),
        ConfusionMatrix.at(threshold, scores, labels),
        Curves.roc(scores, labels).downsample(MAX_CURVE_POINTS),
        Curves.precisionRecall(scores, labels).downsample(MAX_CURVE_POINTS),
        ScoreHistogram.of(scores, labels, HISTOGRAM_BINS));
  }

  /** The fraud rate: what a random ranking's PR-AUC comes to, the baseline of the PR curve. */
  public double baseRate() {
    return (double) summary.positives() / summary.rows();
  }
}
