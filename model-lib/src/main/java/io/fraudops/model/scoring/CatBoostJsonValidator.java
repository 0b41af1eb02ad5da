package io.fraudops.model.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.model.scoring.ModelLoadException.Reason;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Checks a CatBoost JSON model before catboost4j sees it. catboost4j accepts broken JSON silently:
 * unsorted borders or a wrong leaf count load and then predict wrong, and an empty or non-JSON file
 * loads as a model with no trees whose {@code predict} never returns. Only numeric features and one
 * output are accepted.
 */
public final class CatBoostJsonValidator {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> UNSUPPORTED_FEATURES =
      List.of("categorical_features", "ctrs", "text_features", "embedding_features");
  private static final Set<String> NAN_TREATMENTS = Set.of("AsIs", "AsTrue", "AsFalse");

  /**
   * CatBoost itself caps oblivious depth at 16; deeper input is corrupt, and 2^depth leaves must
   * fit.
   */
  private static final int MAX_DEPTH = 16;

  /** Bounds the recursion over non-symmetric trees so a hostile file cannot overflow the stack. */
  private static final int MAX_NODE_DEPTH = 64;

  private final String source;
  private int borderCount;

  private CatBoostJsonValidator(String source) {
    this.source = source;
  }

  /**
   * @throws ModelLoadException naming the first problem found
   */
  public static void validate(byte[] json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new ModelLoadException(
          Reason.UNREADABLE,
          source,
          "not valid JSON: "
              + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()),
          e);
    }
    new CatBoostJsonValidator(source).check(root);
  }

  private void check(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw invalid(Reason.UNREADABLE, "not a CatBoost JSON model (top level is not an object)");
    }
    JsonNode info = root.path("features_info");
    if (!info.isObject()) {
      throw invalid(Reason.INVALID_MODEL, "features_info is missing");
    }
    for (String unsupported : UNSUPPORTED_FEATURES) {
      if (info.path(unsupported).size() > 0) {
        throw invalid(
            Reason.UNSUPPORTED,
            "features_info." + unsupported + " present: only numeric features are supported");
      }
    }
    if (root.has("ctr_data") && root.path("ctr_data").size() > 0) {
      throw invalid(Reason.UNSUPPORTED, "ctr_data present: categorical features are not supported");
    }
    checkFloatFeatures(info.path("float_features"));
    if (root.has("oblivious_trees")) {
      checkObliviousTrees(root.path("oblivious_trees"));
    } else if (root.has("trees")) {
      checkNonSymmetricTrees(root.path("trees"));
    } else {
      throw invalid(Reason.INVALID_MODEL, "neither oblivious_trees nor trees present");
    }
    checkScaleAndBias(root.path("scale_and_bias"));
  }

  private void checkFloatFeatures(JsonNode features) {
    if (!features.isArray() || features.isEmpty()) {
      throw invalid(Reason.INVALID_MODEL, "features_info.float_features is missing or empty");
    }
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      String at = "float_features[" + i + "]";
      if (f.path("feature_index").asInt(-1) != i || f.path("flat_feature_index").asInt(-1) != i) {
        throw invalid(
            Reason.INVALID_MODEL,
            at
                + " has feature_index/flat_feature_index other than "
                + i
                + " (features must be listed in order, without gaps)");
      }
      if (!NAN_TREATMENTS.contains(f.path("nan_value_treatment").asText())) {
        throw invalid(
            Reason.INVALID_MODEL, at + ".nan_value_treatment must be one of " + NAN_TREATMENTS);
      }
      JsonNode borders = f.path("borders");
      if (!borders.isArray()) {
        throw invalid(Reason.INVALID_MODEL, at + ".borders is missing");
      }
      float previous = Float.NEGATIVE_INFINITY;
      for (int b = 0; b < borders.size(); b++) {
        JsonNode border = borders.get(b);
        // CatBoost stores borders as float: compare as float, or two doubles could collapse to one
        // value.
        float value = (float) border.asDouble(Double.NaN);
        if (!border.isNumber() || !Float.isFinite(value)) {
          throw invalid(Reason.INVALID_MODEL, at + ".borders[" + b + "] is not a finite number");
        }
        if (b > 0 && !(value > previous)) {
          throw invalid(
              Reason.INVALID_MODEL,
              at
                  + ".borders are not sorted strictly ascending at index "
                  + b
                  + " ("
                  + previous
                  + " then "
                  + value
                  + ")");
        }
        previous = value;
      }
      borderCount += borders.size();
    }
  }

  private void checkObliviousTrees(JsonNode trees) {
    if (!trees.isArray() || trees.isEmpty()) {
      throw invalid(
          Reason.INVALID_MODEL, "oblivious_trees is empty: a model without trees cannot score");
    }
    for (int t = 0; t < trees.size(); t++) {
      JsonNode tree = trees.get(t);
      String at = "oblivious_trees[" + t + "]";
      JsonNode splits = tree.path("splits");
      if (!splits.isArray() || splits.size() > MAX_DEPTH) {
        throw invalid(Reason.INVALID_MODEL, at + ".splits is missing or deeper than " + MAX_DEPTH);
      }
      for (int s = 0; s < splits.size(); s++) {
        checkSplitIndex(splits.get(s), at + ".splits[" + s + "]");
      }
      int expected = 1 << splits.size();
      JsonNode leaves = tree.path("leaf_values");
      if (leaves.isArray() && leaves.size() > expected && leaves.size() % expected == 0) {
        throw invalid(
            Reason.UNSUPPORTED,
            at
                + " has "
                + leaves.size()
                + " leaf_values for "
                + expected
                + " leaves: a multi-dimensional model (only binary classifiers are supported)");
      }
      if (!leaves.isArray() || leaves.size() != expected) {
        throw invalid(
            Reason.INVALID_MODEL,
            at
                + " has "
                + leaves.size()
                + " leaf_values, expected 2^"
                + splits.size()
                + " = "
                + expected);
      }
      checkFiniteNumbers(leaves, at + ".leaf_values");
      JsonNode weights = tree.path("leaf_weights");
      if (!weights.isMissingNode() && weights.size() != expected) {
        throw invalid(
            Reason.INVALID_MODEL,
            at + " has " + weights.size() + " leaf_weights, expected " + expected);
      }
    }
  }

  private void checkNonSymmetricTrees(JsonNode trees) {
    if (!trees.isArray() || trees.isEmpty()) {
      throw invalid(Reason.INVALID_MODEL, "trees is empty: a model without trees cannot score");
    }
    for (int t = 0; t < trees.size(); t++) {
      checkNode(trees.get(t), "trees[" + t + "]", 0);
    }
  }

  private void checkNode(JsonNode node, String at, int depth) {
    if (depth > MAX_NODE_DEPTH) {
      throw invalid(Reason.INVALID_MODEL, at + " is nested deeper than " + MAX_NODE_DEPTH);
    }
    if (node.has("value")) {
      if (!node.path("value").isNumber() || !Double.isFinite(node.path("value").asDouble())) {
        throw invalid(
            Reason.UNSUPPORTED,
            at + ".value is not a single finite number (only binary classifiers)");
      }
      return;
    }
    checkSplitIndex(node.path("split"), at + ".split");
    checkNode(node.path("left"), at + ".left", depth + 1);
    checkNode(node.path("right"), at + ".right", depth + 1);
  }

  private void checkSplitIndex(JsonNode split, String at) {
    JsonNode index = split.path("split_index");
    // split_index counts through every float border in feature order; anything beyond is one-hot or
    // CTR.
    if (!index.canConvertToInt() || index.asInt() < 0 || index.asInt() >= borderCount) {
      throw invalid(
          Reason.INVALID_MODEL,
          at
              + ".split_index "
              + index
              + " is outside [0, "
              + borderCount
              + ") (the model's float borders)");
    }
  }

  private void checkScaleAndBias(JsonNode scaleAndBias) {
    if (scaleAndBias.isMissingNode()) {
      return;
    }
    if (!scaleAndBias.isArray()
        || scaleAndBias.size() != 2
        || !scaleAndBias.get(0).isNumber()
        || !scaleAndBias.get(1).isArray()
        || scaleAndBias.get(1).size() > 1) {
      throw invalid(
          Reason.INVALID_MODEL, "scale_and_bias must be [scale, [bias]] with at most one bias");
    }
    checkFiniteNumbers(scaleAndBias.get(1), "scale_and_bias bias");
  }

  private void checkFiniteNumbers(JsonNode values, String at) {
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).isNumber() || !Double.isFinite(values.get(i).asDouble())) {
        throw invalid(Reason.INVALID_MODEL, at + "[" + i + "] is not a finite number");
      }
    }
  }

  private ModelLoadException invalid(Reason reason, String problem) {
    return new ModelLoadException(reason, source, problem);
  }
}
