package io.fraudops.model.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The training population a served model is compared against for drift: the binned distribution of
 * each input feature and of the model's score on the training rows. Kept in the model's sidecar
 * metadata, so it travels with the model version through the registry.
 */
public record DriftReference(List<Bins> features, Bins score) {

  public DriftReference {
    features = List.copyOf(Objects.requireNonNull(features, "features"));
    Objects.requireNonNull(score, "score");
    if (new HashSet<>(features.stream().map(Bins::name).toList()).size() != features.size()) {
      throw new IllegalArgumentException("drift reference names a feature twice");
    }
  }

  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    ArrayNode list = root.putArray("features");
    features.forEach(bins -> list.add(binsJson(mapper, bins)));
    root.set("score", binsJson(mapper, score));
    return root;
  }

  /**
   * @throws IllegalArgumentException naming what is wrong
   */
  public static DriftReference fromJson(JsonNode node) {
    if (node == null
        || !node.isObject()
        || !node.path("features").isArray()
        || !node.path("score").isObject()) {
      throw new IllegalArgumentException(
          "driftReference must be an object with 'features' and 'score'");
    }
    List<Bins> features = new ArrayList<>();
    node.path("features").forEach(f -> features.add(bins(f)));
    return new DriftReference(features, bins(node.path("score")));
  }

  private static ObjectNode binsJson(ObjectMapper mapper, Bins bins) {
    ObjectNode node = mapper.createObjectNode().put("name", bins.name());
    ArrayNode edges = node.putArray("edges");
    for (double e : bins.edges()) {
      edges.add(e);
    }
    ArrayNode shares = node.putArray("shares");
    for (double s : bins.shares()) {
      shares.add(s);
    }
    return node;
  }

  private static Bins bins(JsonNode node) {
    return new Bins(
        node.path("name").asText(null), numbers(node.path("edges")), numbers(node.path("shares")));
  }

  private static double[] numbers(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("expected an array of numbers, got " + array);
    }
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      if (!array.get(i).isNumber()) {
        throw new IllegalArgumentException("expected a number, got " + array.get(i));
      }
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}
