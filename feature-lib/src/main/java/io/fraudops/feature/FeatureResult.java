package io.fraudops.feature;

import io.fraudops.feature.catalogue.FeatureVector;
import java.util.Objects;

/**
 * Features for one transaction, and whether they are all real. An incomplete result has its missing
 * features at the catalogue's missing values; the decision layer must not auto-approve on it.
 *
 * @param degradedReason why the result is incomplete; null exactly when {@code complete}
 */
public record FeatureResult(FeatureVector vector, boolean complete, String degradedReason) {

  public FeatureResult {
    Objects.requireNonNull(vector, "vector");
    if (complete != (degradedReason == null)) {
      throw new IllegalArgumentException(
          "a reason must be given exactly when the result is incomplete");
    }
  }

  public static FeatureResult complete(FeatureVector vector) {
    return new FeatureResult(vector, true, null);
  }

  public static FeatureResult degraded(FeatureVector vector, String reason) {
    return new FeatureResult(vector, false, Objects.requireNonNull(reason, "reason"));
  }
}
