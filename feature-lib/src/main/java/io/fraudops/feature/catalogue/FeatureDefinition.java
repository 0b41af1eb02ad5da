package io.fraudops.feature.catalogue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One model input.
 *
 * @param entity whose history the feature reads
 * @param window how far back the feature looks ("1h", "24h"), "-" when it does not
 * @param valueWhenMissing the value used when the data behind the feature is absent (no earlier
 *     transaction, no profile) or could not be read (a store is down); chosen to mean "no evidence
 *     either way"
 */
public record FeatureDefinition(
    String name,
    FeatureType type,
    FeatureEntity entity,
    String window,
    double valueWhenMissing,
    String description) {

  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  public FeatureDefinition {
    if (name == null || !SNAKE_CASE.matcher(name).matches()) {
      throw new IllegalArgumentException("feature name must be snake_case (got " + name + ")");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(entity, "entity");
    if (window == null || window.isBlank()) {
      throw new IllegalArgumentException("window must be given, '-' when the feature has none");
    }
    if (!Double.isFinite(valueWhenMissing)) {
      throw new IllegalArgumentException("valueWhenMissing of " + name + " must be finite");
    }
    if (type == FeatureType.FLAG && valueWhenMissing != 0 && valueWhenMissing != 1) {
      throw new IllegalArgumentException("valueWhenMissing of flag " + name + " must be 0 or 1");
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("description of " + name + " must be given");
    }
  }
}
