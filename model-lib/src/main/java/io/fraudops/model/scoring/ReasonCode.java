package io.fraudops.model.scoring;

/**
 * One feature that pushed a score up.
 *
 * @param value the row's value (NaN = missing)
 * @param contribution how much this feature raised the fraud probability, in probability points
 */
public record ReasonCode(String feature, double value, double contribution) {

  public ReasonCode {
    if (feature == null || feature.isBlank()) {
      throw new IllegalArgumentException("feature must not be blank");
    }
    if (!Double.isFinite(contribution)) {
      throw new IllegalArgumentException("contribution must be finite, was " + contribution);
    }
  }
}
