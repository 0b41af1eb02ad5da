package io.fraudops.model.scoring;

/** Logistic function: catboost4j returns the raw log-odds even for Logloss models. */
public final class Sigmoid {

  private Sigmoid() {}

  /** Written in two branches so that large |raw| never overflows {@code exp}. */
  public static double apply(double raw) {
    if (raw >= 0) {
      return 1.0 / (1.0 + Math.exp(-raw));
    }
    double e = Math.exp(raw);
    return e / (1.0 + e);
  }
}
