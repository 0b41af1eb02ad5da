package io.fraudops.model.training.evaluation;

/** How well a model separates fraud on a data set. */
public record Evaluation(double rocAuc, double logLoss, int rows, int positives) {

  public Evaluation {
    if (!(rocAuc >= 0 && rocAuc <= 1)
        || !(logLoss >= 0)
        || rows < 1
        || positives < 0
        || positives > rows) {
      throw new IllegalArgumentException(
          "inconsistent evaluation: auc "
              + rocAuc
              + ", logloss "
              + logLoss
              + ", "
              + positives
              + "/"
              + rows);
    }
  }

  /** From a model's probabilities on labelled rows. */
  public static Evaluation of(double[] probabilities, int[] labels) {
    int positives = 0;
    for (int label : labels) {
      positives += label;
    }
    return new Evaluation(
        Metrics.rocAuc(probabilities, labels),
        Metrics.logLoss(probabilities, labels),
        labels.length,
        positives);
  }
}
