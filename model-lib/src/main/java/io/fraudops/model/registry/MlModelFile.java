package io.fraudops.model.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fraudops.model.scoring.ModelFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * MLflow's {@code MLmodel} file as far as serving a CatBoost model needs it: the {@code catboost}
 * flavour that {@code mlflow.catboost.log_model} writes ({@code data: model.cb}, {@code
 * save_format: cbm} or {@code json}, {@code model_type}) and the feature names of its signature.
 * Our own registrations write one too, so that MLflow's Python client loads them like any
 * catboost-flavoured model.
 *
 * @param dataFile the model file, relative to the MLmodel's directory
 * @param featureNames the signature's input names in order; empty when it has no named inputs
 */
record MlModelFile(String dataFile, ModelFormat format, List<String> featureNames) {

  static final String FILE_NAME = "MLmodel";
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> COLUMNS = new TypeReference<>() {};

  MlModelFile {
    if (dataFile == null
        || dataFile.isBlank()
        || dataFile.contains("..")
        || dataFile.startsWith("/")) {
      throw new IllegalArgumentException("bad model data file '" + dataFile + "'");
    }
    Objects.requireNonNull(format, "format");
    featureNames = List.copyOf(featureNames);
  }

  /**
   * @throws IllegalArgumentException saying why the file does not describe a servable CatBoost
   *     model (no catboost flavour, a regressor, an unknown save format)
   */
  static MlModelFile parse(byte[] yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("MLmodel is not YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("MLmodel is not a YAML mapping");
    }
    JsonNode catboost = root.path("flavors").path("catboost");
    if (!catboost.isObject()) {
      List<String> flavours = new ArrayList<>();
      root.path("flavors").fieldNames().forEachRemaining(flavours::add);
      throw new IllegalArgumentException(
          "MLmodel has no catboost flavour (flavours: " + flavours + ")");
    }
    String modelType = catboost.path("model_type").asText("CatBoostClassifier");
    if (!modelType.equals("CatBoostClassifier") && !modelType.equals("CatBoost")) {
      throw new IllegalArgumentException(
          "the catboost flavour holds a "
              + modelType
              + ": only binary classifiers (CatBoostClassifier) score fraud");
    }
    String saveFormat = catboost.path("save_format").asText("cbm");
    ModelFormat format =
        switch (saveFormat) {
          case "cbm" -> ModelFormat.CBM;
          case "json" -> ModelFormat.JSON;
          default ->
              throw new IllegalArgumentException(
                  "the catboost flavour is saved as '"
                      + saveFormat
                      + "'; only cbm and json load here");
        };
    String data = catboost.path("data").asText("");
    if (data.isBlank()) {
      throw new IllegalArgumentException("the catboost flavour names no data file");
    }
    return new MlModelFile(data, format, inputNames(root.path("signature").path("inputs")));
  }

  /**
   * The signature's inputs are a JSON array inside the YAML: {@code '[{"type": "double", "name":
   * ...}]'}.
   */
  private static List<String> inputNames(JsonNode inputs) {
    if (!inputs.isTextual()) {
      return List.of();
    }
    List<Map<String, Object>> columns;
    try {
      columns = JSON.readValue(inputs.asText(), COLUMNS);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the MLmodel signature's inputs are not a column list: " + e.getMessage(), e);
    }
    List<String> names = new ArrayList<>();
    for (Map<String, Object> column : columns) {
      if (!(column.get("name") instanceof String name) || name.isBlank()) {
        return List.of(); // a tensor or unnamed schema: the model's own names must do
      }
      names.add(name);
    }
    return names;
  }

  /**
   * The MLmodel of one of our registrations: the catboost flavour (so {@code
   * mlflow.catboost.load_model} and {@code mlflow.pyfunc.load_model} load it) with a signature of
   * double inputs named as the features.
   */
  byte[] toYaml(String runId, Instant createdAt) {
    ObjectNode root = YAML.createObjectNode();
    root.put("artifact_path", "model");
    ObjectNode flavours = root.putObject("flavors");
    ObjectNode catboost = flavours.putObject("catboost");
    catboost.putNull("code");
    catboost.put("data", dataFile);
    catboost.put("model_type", "CatBoostClassifier");
    catboost.put("save_format", format == ModelFormat.JSON ? "json" : "cbm");
    ObjectNode pyfunc = flavours.putObject("python_function");
    pyfunc.put("data", dataFile);
    pyfunc.put("loader_module", "mlflow.catboost");
    root.put("model_uuid", UUID.randomUUID().toString().replace("-", ""));
    root.put("run_id", runId);
    if (!featureNames.isEmpty()) {
      ObjectNode signature = root.putObject("signature");
      List<Map<String, Object>> inputs = new ArrayList<>();
      featureNames.forEach(n -> inputs.add(Map.of("type", "double", "name", n, "required", true)));
      try {
        signature.put("inputs", JSON.writeValueAsString(inputs));
        signature.put(
            "outputs", JSON.writeValueAsString(List.of(Map.of("type", "long", "required", true))));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      signature.putNull("params");
    }
    root.put("utc_time_created", createdAt.toString().replace('T', ' ').replace("Z", ""));
    try {
      return YAML.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write MLmodel", e);
    }
  }
}
