package io.fraudops.model.drift;

/**
 * How far a population has moved, read from its PSI with the thresholds credit-risk modelling has
 * used for decades: below 0.1 no significant change, 0.1 to 0.25 a moderate shift worth watching,
 * 0.25 and above a significant shift that calls for investigation or retraining (N. Siddiqi,
 * <i>Credit Risk Scorecards: Developing and Implementing Intelligent Credit Scoring</i>, Wiley,
 * 2006; their statistical behaviour is studied in B. Yurdakul, <i>Statistical Properties of
 * Population Stability Index</i>, Western Michigan University, 2018). They are conventions, not
 * significance tests: with few observations PSI reads high from sampling noise alone, see {@link
 * Psi#samplingNoise}.
 */
public enum DriftLevel {

  /** Nothing observed yet, so nothing to compare. */
  NO_DATA,
  STABLE,
  MODERATE,
  SIGNIFICANT;

  public static final double MODERATE_FROM = 0.1;
  public static final double SIGNIFICANT_FROM = 0.25;

  /**
   * @param psi NaN when nothing was observed
   */
  public static DriftLevel of(double psi) {
    if (Double.isNaN(psi)) {
      return NO_DATA;
    }
    if (psi < MODERATE_FROM) {
      return STABLE;
    }
    return psi < SIGNIFICANT_FROM ? MODERATE : SIGNIFICANT;
  }
}
