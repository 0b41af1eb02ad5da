package io.fraudops.model.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the workers score with. Read from JSON by {@link InferenceConfigJson}; checks that need the
 * registry or the feature catalogue happen where those are known, before the configuration goes
 * live.
 *
 * @param models exactly one {@link ModelRole#DECISION} model, any number of shadows, no model twice
 * @param fallback a pinned version served when the decision model cannot be loaded and nothing else
 *     is serving; null for none (payments then go to review)
 * @param features model input name → catalogue feature it is read from; inputs not listed are read
 *     under their own name
 * @param thresholds default cut-offs passed to the decision table
 */
public record InferenceConfig(
    List<ModelSlot> models,
    ModelRef fallback,
    Map<String, String> features,
    Thresholds thresholds) {

  public InferenceConfig {
    models = List.copyOf(Objects.requireNonNull(models, "models"));
    Objects.requireNonNull(thresholds, "thresholds");
    features =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(features, "features")));
    List<String> problems = structuralProblems(models, fallback, features);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** One decision model following {@code alias}, no shadow, no fallback, no mapping. */
  public static InferenceConfig single(String modelName, String alias, Thresholds thresholds) {
    return new InferenceConfig(
        List.of(new ModelSlot(ModelRef.alias(modelName, alias), ModelRole.DECISION)),
        null,
        Map.of(),
        thresholds);
  }

  public ModelRef decision() {
    return models.stream()
        .filter(s -> s.role() == ModelRole.DECISION)
        .findFirst()
        .orElseThrow()
        .model();
  }

  public List<ModelRef> shadows() {
    return models.stream().filter(s -> s.role() == ModelRole.SHADOW).map(ModelSlot::model).toList();
  }

  /** The catalogue feature a model input is read from. */
  public String source(String modelInput) {
    return features.getOrDefault(modelInput, modelInput);
  }

  /** Mapping targets the catalogue does not know; empty when all are known. */
  public List<String> unknownFeatures(Set<String> catalogue) {
    return features.entrySet().stream()
        .filter(e -> !catalogue.contains(e.getValue()))
        .map(e -> "features." + e.getKey() + " maps to unknown feature '" + e.getValue() + "'")
        .toList();
  }

  static List<String> structuralProblems(
      List<ModelSlot> models, ModelRef fallback, Map<String, String> features) {
    List<String> problems = new ArrayList<>();
    long decisions = models.stream().filter(s -> s.role() == ModelRole.DECISION).count();
    if (decisions != 1) {
      problems.add("models must name exactly one model with role 'decision', found " + decisions);
    }
    Set<ModelRef> seen = new HashSet<>();
    models.forEach(
        slot -> {
          if (!seen.add(slot.model())) {
            problems.add("model " + slot.model() + " is listed twice");
          }
        });
    if (fallback != null && !fallback.pinned()) {
      problems.add(
          "fallback must be a pinned version (e.g. {\"name\": \"m\", \"version\": 3}), not alias "
              + fallback.alias());
    }
    features.forEach(
        (input, source) -> {
          if (input == null || input.isBlank() || source == null || source.isBlank()) {
            problems.add(
                "features must map model input names to feature names, got "
                    + input
                    + " -> "
                    + source);
          }
        });
    return problems;
  }
}
