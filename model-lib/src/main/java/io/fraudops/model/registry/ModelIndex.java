package io.fraudops.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudops.model.scoring.ModelFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One generation of the S3 registry's index of a model: every version and every alias. Immutable: a
 * change makes the next generation, which is written only if no other writer wrote that generation
 * first.
 */
record ModelIndex(String name, List<ModelVersion> versions, Map<String, Integer> aliases) {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  ModelIndex {
    RegistryNames.requireModelName(name);
    versions = List.copyOf(versions);
    aliases = Map.copyOf(aliases);
    for (int i = 0; i < versions.size(); i++) {
      ModelVersion v = versions.get(i);
      if (v.version() != i + 1 || !v.name().equals(name)) {
        throw new IllegalArgumentException(
            "index of "
                + name
                + " must hold versions 1.."
                + versions.size()
                + " of that model in order, found "
                + v.name()
                + " v"
                + v.version()
                + " at "
                + (i + 1));
      }
    }
    for (Map.Entry<String, Integer> alias : aliases.entrySet()) {
      RegistryNames.requireAlias(alias.getKey());
      if (alias.getValue() < 1 || alias.getValue() > versions.size()) {
        throw new IllegalArgumentException(
            "alias " + alias.getKey() + " points at missing version " + alias.getValue());
      }
    }
  }

  static ModelIndex empty(String name) {
    return new ModelIndex(name, List.of(), Map.of());
  }

  int nextVersion() {
    return versions.size() + 1;
  }

  Optional<ModelVersion> version(int version) {
    return version >= 1 && version <= versions.size()
        ? Optional.of(versions.get(version - 1))
        : Optional.empty();
  }

  Optional<ModelVersion> resolve(String alias) {
    Integer version = aliases.get(alias);
    return version == null ? Optional.empty() : version(version);
  }

  ModelIndex with(ModelVersion version) {
    List<ModelVersion> more = new ArrayList<>(versions);
    more.add(version);
    return new ModelIndex(name, more, aliases);
  }

  ModelIndex withAlias(String alias, int version) {
    Map<String, Integer> moved = new LinkedHashMap<>(aliases);
    moved.put(alias, version);
    return new ModelIndex(name, versions, moved);
  }

  byte[] toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", name);
    var list = root.putArray("versions");
    for (ModelVersion v : versions) {
      ObjectNode node = list.addObject();
      node.put("version", v.version())
          .put("format", v.format().name())
          .put("createdAt", v.createdAt().toString())
          .put("location", v.location());
      node.set("metrics", MAPPER.valueToTree(v.metrics()));
    }
    // Sorted so that equal indexes are equal bytes: generations diff cleanly.
    root.set("aliases", MAPPER.valueToTree(new TreeMap<>(aliases)));
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise index of " + name, e);
    }
  }

  static ModelIndex fromJson(byte[] json, String source) {
    try {
      JsonNode root = MAPPER.readTree(json);
      String name = Objects.requireNonNull(root.path("name").asText(null), "name");
      List<ModelVersion> versions = new ArrayList<>();
      for (JsonNode v : root.path("versions")) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        v.path("metrics")
            .properties()
            .forEach(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        versions.add(
            new ModelVersion(
                name,
                v.path("version").asInt(),
                ModelFormat.valueOf(v.path("format").asText()),
                metrics,
                Instant.parse(v.path("createdAt").asText()),
                v.path("location").asText()));
      }
      Map<String, Integer> aliases = new LinkedHashMap<>();
      root.path("aliases").properties().forEach(e -> aliases.put(e.getKey(), e.getValue().asInt()));
      return new ModelIndex(name, versions, aliases);
    } catch (IOException | RuntimeException e) {
      throw new ModelRegistryException(
          "corrupt registry index " + source + ": " + e.getMessage(), e);
    }
  }
}
