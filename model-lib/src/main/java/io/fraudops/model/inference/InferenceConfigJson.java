package io.fraudops.model.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of an {@link InferenceConfig}. Reading collects every problem (unknown fields
 * included: a misspelt key silently ignored would be a config that does not do what its author
 * thinks).
 */
public final class InferenceConfigJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> TOP = Set.of("models", "fallback", "features", "thresholds");
  private static final Set<String> MODEL = Set.of("name", "alias", "version", "role");
  private static final Set<String> REF = Set.of("name", "alias", "version");

  private InferenceConfigJson() {}

  /**
   * @throws InvalidInferenceConfigException listing what is wrong
   */
  public static InferenceConfig read(byte[] json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidInferenceConfigException(
          source,
          List.of(
              "not valid JSON: "
                  + e.getOriginalMessage()
                  + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())));
    } catch (IOException e) {
      throw new InvalidInferenceConfigException(source, List.of("cannot read: " + e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInferenceConfigException(source, List.of("top level must be a JSON object"));
    }
    List<String> problems = new ArrayList<>();
    unknownFields(root, TOP, "", problems);
    List<ModelSlot> models = models(root.path("models"), problems);
    ModelRef fallback =
        root.hasNonNull("fallback") ? ref(root.get("fallback"), "fallback", REF, problems) : null;
    Map<String, String> features = features(root.path("features"), problems);
    Thresholds thresholds = thresholds(root.path("thresholds"), problems);
    if (problems.isEmpty()) {
      problems.addAll(InferenceConfig.structuralProblems(models, fallback, features));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInferenceConfigException(source, problems);
    }
    return new InferenceConfig(models, fallback, features, thresholds);
  }

  public static byte[] write(InferenceConfig config) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode models = root.putArray("models");
    config
        .models()
        .forEach(
            slot -> {
              ObjectNode node = refNode(slot.model());
              node.put("role", slot.role().name().toLowerCase(Locale.ROOT));
              models.add(node);
            });
    if (config.fallback() != null) {
      root.set("fallback", refNode(config.fallback()));
    }
    root.set("features", MAPPER.valueToTree(config.features()));
    root.putObject("thresholds")
        .put("review", config.thresholds().review())
        .put("decline", config.thresholds().decline());
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write inference config", e);
    }
  }

  private static List<ModelSlot> models(JsonNode node, List<String> problems) {
    List<ModelSlot> out = new ArrayList<>();
    if (!node.isArray() || node.isEmpty()) {
      problems.add("models must be a non-empty array");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      String path = "models[" + i + "]";
      JsonNode entry = node.get(i);
      ModelRef ref = ref(entry, path, MODEL, problems);
      String role = entry.path("role").asText("");
      ModelRole parsed =
          switch (role.toLowerCase(Locale.ROOT)) {
            case "decision" -> ModelRole.DECISION;
            case "shadow", "challenger" -> ModelRole.SHADOW;
            default -> {
              problems.add(path + ".role must be 'decision' or 'shadow', got '" + role + "'");
              yield null;
            }
          };
      if (ref != null && parsed != null) {
        out.add(new ModelSlot(ref, parsed));
      }
    }
    return out;
  }

  private static ModelRef ref(
      JsonNode node, String path, Set<String> fields, List<String> problems) {
    if (!node.isObject()) {
      problems.add(path + " must be an object");
      return null;
    }
    unknownFields(node, fields, path + ".", problems);
    JsonNode version = node.get("version");
    if (version != null && !version.canConvertToExactIntegral()) {
      problems.add(path + ".version must be a whole number, got " + version);
      return null;
    }
    try {
      return new ModelRef(
          node.path("name").asText(null),
          node.hasNonNull("alias") ? node.get("alias").asText() : null,
          version == null ? null : version.asInt());
    } catch (IllegalArgumentException e) {
      problems.add(path + ": " + e.getMessage());
      return null;
    }
  }

  private static Map<String, String> features(JsonNode node, List<String> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      problems.add("features must be an object of model input name -> feature name");
      return out;
    }
    node.properties()
        .forEach(
            e -> {
              if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().asText());
              } else {
                problems.add(
                    "features." + e.getKey() + " must be a feature name, got " + e.getValue());
              }
            });
    return out;
  }

  private static Thresholds thresholds(JsonNode node, List<String> problems) {
    if (!node.isObject() || !node.path("review").isNumber() || !node.path("decline").isNumber()) {
      problems.add("thresholds must be an object with numbers 'review' and 'decline'");
      return null;
    }
    unknownFields(node, Set.of("review", "decline"), "thresholds.", problems);
    try {
      return new Thresholds(node.get("review").asDouble(), node.get("decline").asDouble());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private static ObjectNode refNode(ModelRef ref) {
    ObjectNode node = MAPPER.createObjectNode().put("name", ref.name());
    if (ref.pinned()) {
      node.put("version", ref.version());
    } else {
      node.put("alias", ref.alias());
    }
    return node;
  }

  private static void unknownFields(
      JsonNode node, Set<String> known, String path, List<String> problems) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                problems.add(
                    "unknown field "
                        + path
                        + name
                        + " (known: "
                        + known.stream().sorted().toList()
                        + ")");
              }
            });
  }
}
