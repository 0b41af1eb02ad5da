package io.fraudops.model.drift;

/**
 * The drift of one quantity (an input feature, or the score) over a set of observations.
 *
 * @param psi population stability index against the reference; NaN when nothing was observed
 * @param observations values binned
 * @param noise the PSI a sample of this size from the reference itself would show on average
 *     ({@link Psi#samplingNoise}); a PSI near it is no evidence of drift
 */
public record DriftMeasure(String name, double psi, long observations, double noise) {

  public DriftMeasure {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a drift measure needs a name");
    }
    if (observations < 0) {
      throw new IllegalArgumentException(name + ": observations must be >= 0");
    }
    if (observations == 0 ? !Double.isNaN(psi) : !(psi >= 0 && psi < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          name
              + ": PSI must be finite and >= 0 with observations, NaN without;"
              + " got "
              + psi
              + " over "
              + observations);
    }
  }

  public DriftLevel level() {
    return DriftLevel.of(psi);
  }
}
