package io.fraudops.model.scoring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudops.model.drift.DriftReference;
import io.fraudops.model.scoring.ModelLoadException.Reason;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sidecar {@code <model-file>.meta.json} beside every model: identity, provenance and the
 * per-feature baselines the reason codes compare against. The trainer writes it; for a model
 * exported from Python a data scientist writes it by hand.
 *
 * @param trainedAt null when unknown
 * @param metrics evaluation figures, e.g. {@code holdout_auc}
 * @param baselines per feature name, the "typical" value (training median) ablation reason codes
 *     compare with; may be partial or empty (see {@link ModelArtifact})
 * @param featureNames input order; may be empty when the model names its features itself
 * @param params how it was trained (trainer settings, data period), as text; empty when unknown
 * @param driftReference the training population's distributions, for drift monitoring; null when
 *     unknown
 */
public record ModelMetadata(
    String name,
    String version,
    Instant trainedAt,
    Map<String, Double> metrics,
    Map<String, Double> baselines,
    List<String> featureNames,
    Map<String, String> params,
    DriftReference driftReference) {

  public static final String SIDECAR_SUFFIX = ".meta.json";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

  public ModelMetadata {
    if (name == null || name.isBlank() || version == null || version.isBlank()) {
      throw new IllegalArgumentException("name and version must not be blank");
    }
    metrics = finiteOrdered(metrics, "metrics");
    baselines = finiteOrdered(baselines, "baselines");
    featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
    Objects.requireNonNull(params, "params");
    params.forEach(
        (k, v) -> {
          if (k == null || k.isBlank() || v == null) {
            throw new IllegalArgumentException(
                "params must be named text values, got " + k + "=" + v);
          }
        });
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** Without training parameters or drift reference (a model exported from elsewhere). */
  public ModelMetadata(
      String name,
      String version,
      Instant trainedAt,
      Map<String, Double> metrics,
      Map<String, Double> baselines,
      List<String> featureNames) {
    this(name, version, trainedAt, metrics, baselines, featureNames, Map.of(), null);
  }

  public ModelMetadata withVersion(String newVersion) {
    return new ModelMetadata(
        name, newVersion, trainedAt, metrics, baselines, featureNames, params, driftReference);
  }

  public ModelMetadata withName(String newName) {
    return new ModelMetadata(
        newName, version, trainedAt, metrics, baselines, featureNames, params, driftReference);
  }

  /**
   * @throws ModelLoadException (INVALID_METADATA) naming the problem
   */
  public static ModelMetadata read(byte[] json, String source) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("top level is not an object");
      }
      String trainedAt = root.path("trainedAt").asText(null);
      JsonNode names = root.path("featureNames");
      JsonNode drift = root.path("driftReference");
      return new ModelMetadata(
          root.path("name").asText(null),
          root.path("version").asText(null),
          trainedAt == null ? null : Instant.parse(trainedAt),
          numbers(root.path("metrics")),
          numbers(root.path("baselines")),
          names.isMissingNode() ? List.of() : MAPPER.convertValue(names, STRING_LIST),
          texts(root.path("params")),
          drift.isMissingNode() || drift.isNull() ? null : DriftReference.fromJson(drift));
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      throw new ModelLoadException(
          Reason.INVALID_METADATA, source, "bad sidecar metadata: " + e.getMessage(), e);
    }
  }

  public byte[] toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", name).put("version", version);
    if (trainedAt != null) {
      root.put("trainedAt", trainedAt.toString());
    }
    root.set("featureNames", MAPPER.valueToTree(featureNames));
    root.set("metrics", MAPPER.valueToTree(metrics));
    root.set("baselines", MAPPER.valueToTree(baselines));
    if (!params.isEmpty()) {
      root.set("params", MAPPER.valueToTree(params));
    }
    if (driftReference != null) {
      root.set("driftReference", driftReference.toJson(MAPPER));
    }
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise metadata", e);
    }
  }

  private static Map<String, Double> numbers(JsonNode node) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected an object of numbers, got " + node);
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isNumber()) {
        throw new IllegalArgumentException(e.getKey() + " is not a number");
      }
      out.put(e.getKey(), e.getValue().asDouble());
    }
    return out;
  }

  private static Map<String, String> texts(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("params must be an object, got " + node);
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isValueNode()) {
        throw new IllegalArgumentException("param " + e.getKey() + " is not a plain value");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  /** Insertion order kept (baselines read best in feature order); NaN would not survive JSON. */
  private static Map<String, Double> finiteOrdered(Map<String, Double> values, String what) {
    Objects.requireNonNull(values, what);
    values.forEach(
        (k, v) -> {
          if (k == null || v == null || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + "." + k + " must be a finite number");
          }
        });
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
