package io.fraudops.model.scoring;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** What a loaded model is, and the order in which it expects its features. */
public record ModelInfo(
    String name, String version, List<String> featureNames, ModelFormat format) {

  public ModelInfo {
    requireText(name, "name");
    requireText(version, "version");
    Objects.requireNonNull(format, "format");
    featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
    if (featureNames.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one feature");
    }
    if (new HashSet<>(featureNames).size() != featureNames.size()) {
      throw new IllegalArgumentException("duplicate feature names: " + featureNames);
    }
    featureNames.forEach(n -> requireText(n, "feature name"));
  }

  public int featureCount() {
    return featureNames.size();
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
