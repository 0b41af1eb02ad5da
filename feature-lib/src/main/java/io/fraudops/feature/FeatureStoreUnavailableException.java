package io.fraudops.feature;

/**
 * A feature store (Redis or PostgreSQL) could not answer. Unchecked: callers on the hot path catch
 * it to degrade (see {@link FeatureService}); everything else lets it propagate.
 */
public class FeatureStoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public FeatureStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public FeatureStoreUnavailableException(String message) {
    super(message);
  }
}
