package io.fraudops.model.scoring;

/**
 * A binary fraud classifier. Implementations must be safe to call from many threads at once.
 * Features are passed in {@link ModelInfo#featureNames()} order; {@code NaN} means "missing".
 */
public interface FraudModel extends AutoCloseable {

  ModelInfo info();

  /** The model's raw score (log-odds for a Logloss model). */
  double predictRaw(double[] features);

  /** Probability of fraud in [0, 1]. */
  default double predictProbability(double[] features) {
    return Sigmoid.apply(predictRaw(features));
  }

  /** One probability per row; implementations may override to score the batch in a single call. */
  default double[] predictProbabilities(double[][] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = predictProbability(rows[i]);
    }
    return out;
  }

  /** Releases native resources; predictions afterwards fail. */
  @Override
  void close();
}
