package io.fraudops.feature.catalogue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Feature values in catalogue order. Immutable; values are exact, never rounded. */
public final class FeatureVector {

  private final FeatureCatalogue catalogue;
  private final double[] values;

  public FeatureVector(FeatureCatalogue catalogue, double[] values) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(values, "values");
    if (values.length != catalogue.size()) {
      throw new IllegalArgumentException(
          "catalogue "
              + catalogue.version()
              + " has "
              + catalogue.size()
              + " features, got "
              + values.length
              + " values");
    }
    this.values = values.clone();
  }

  public FeatureCatalogue catalogue() {
    return catalogue;
  }

  public double get(String name) {
    int index = catalogue.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          "feature catalogue " + catalogue.version() + " has no feature " + name);
    }
    return values[index];
  }

  public double get(int index) {
    return values[index];
  }

  public int size() {
    return values.length;
  }

  /** A copy, in catalogue order: the model's input row. */
  public double[] values() {
    return values.clone();
  }

  /** Name to value in catalogue order. */
  public Map<String, Double> toMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      map.put(catalogue.names().get(i), values[i]);
    }
    return map;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeatureVector that
        && catalogue.equals(that.catalogue)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * catalogue.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "FeatureVector" + toMap();
  }
}
