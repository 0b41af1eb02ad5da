package io.fraudops.model.inference;

/**
 * Default score cut-offs handed to the decision table with every score. They travel with the model
 * configuration because a retrained model's scores are calibrated differently; the risk team's
 * table may still override them with its own numbers.
 *
 * @param review scores at or above this go to an analyst
 * @param decline scores at or above this are declined
 */
public record Thresholds(double review, double decline) {

  public Thresholds {
    if (!(review > 0 && review < decline && decline <= 1)) {
      throw new IllegalArgumentException(
          "thresholds need 0 < review < decline <= 1, got review "
              + review
              + ", decline "
              + decline);
    }
  }
}
