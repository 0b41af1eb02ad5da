package io.fraudops.model.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@link ObliviousEnsemble} from CatBoost JSON. A split is located by its {@code split_index}
 * into the float borders (numbered through the features in order), not by its {@code
 * float_feature_index} and {@code border}: catboost4j reads only the index, and the explanation
 * must follow the same path.
 */
final class CatBoostJsonTrees {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> UNSUPPORTED_FEATURES =
      List.of("categorical_features", "ctrs", "text_features", "embedding_features");
  private static final int MAX_DEPTH = 16;

  private final List<Integer> borderFeature = new ArrayList<>();
  private final List<Float> borderValue = new ArrayList<>();

  private CatBoostJsonTrees() {}

  static ObliviousEnsemble parse(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a CatBoost JSON model");
    }
    return new CatBoostJsonTrees().read(root);
  }

  private ObliviousEnsemble read(JsonNode root) {
    JsonNode info = root.path("features_info");
    for (String unsupported : UNSUPPORTED_FEATURES) {
      require(info.path(unsupported).isEmpty(), unsupported + " are not supported");
    }
    JsonNode floats = info.path("float_features");
    require(floats.isArray() && !floats.isEmpty(), "features_info.float_features is missing");
    boolean[] nanAsTrue = new boolean[floats.size()];
    for (int f = 0; f < floats.size(); f++) {
      nanAsTrue[f] = "AsTrue".equals(floats.get(f).path("nan_value_treatment").asText());
      for (JsonNode border : floats.get(f).path("borders")) {
        borderFeature.add(f);
        borderValue.add((float) border.asDouble()); // CatBoost keeps borders as float
      }
    }
    JsonNode trees = root.path("oblivious_trees");
    require(
        trees.isArray() && !trees.isEmpty(),
        "no oblivious_trees (non-symmetric trees are not supported)");
    int[] depths = new int[trees.size()];
    List<Integer> features = new ArrayList<>();
    List<Float> borders = new ArrayList<>();
    List<double[]> means = new ArrayList<>();
    int weighted = 0;
    for (int t = 0; t < trees.size(); t++) {
      JsonNode splits = trees.get(t).path("splits");
      require(splits.isArray() && splits.size() <= MAX_DEPTH, "tree " + t + " has no splits array");
      depths[t] = splits.size();
      for (JsonNode split : splits) {
        require(
            split.path("split_type").asText("FloatFeature").equals("FloatFeature"),
            "tree " + t + " splits on something other than a float feature");
        int index = split.path("split_index").asInt(-1);
        require(
            index >= 0 && index < borderValue.size(),
            "tree " + t + " has split_index " + index + " outside the float borders");
        features.add(borderFeature.get(index));
        borders.add(borderValue.get(index));
      }
      double[] weights = weights(trees.get(t).path("leaf_weights"), 1 << depths[t], t);
      weighted += weights != null && Arrays.stream(weights).anyMatch(w -> w > 0) ? 1 : 0;
      means.add(
          PrefixMeans.of(
              numbers(trees.get(t).path("leaf_values"), 1 << depths[t], "leaf_values", t),
              weights));
    }
    JsonNode scaleAndBias = root.path("scale_and_bias");
    double scale = scaleAndBias.path(0).asDouble(1.0);
    double bias = scaleAndBias.path(1).path(0).asDouble(0.0);
    require(Double.isFinite(scale) && Double.isFinite(bias), "scale_and_bias is not finite");
    return new ObliviousEnsemble(
        nanAsTrue,
        depths,
        features.stream().mapToInt(Integer::intValue).toArray(),
        toFloats(borders),
        concat(means),
        scale,
        bias,
        weighted);
  }

  /**
   * @return null when absent: the leaves are then averaged uniformly
   */
  private static double[] weights(JsonNode node, int leaves, int tree) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    double[] weights = numbers(node, leaves, "leaf_weights", tree);
    for (double w : weights) {
      require(w >= 0, "tree " + tree + " has a negative leaf weight");
    }
    return weights;
  }

  private static double[] numbers(JsonNode node, int expected, String what, int tree) {
    require(
        node.isArray() && node.size() == expected,
        "tree "
            + tree
            + " needs "
            + expected
            + " "
            + what
            + " (one output per leaf), has "
            + node.size());
    double[] out = new double[expected];
    for (int i = 0; i < expected; i++) {
      out[i] = node.get(i).asDouble(Double.NaN);
      require(
          node.get(i).isNumber() && Double.isFinite(out[i]),
          "tree " + tree + " " + what + " not finite");
    }
    return out;
  }

  private static float[] toFloats(List<Float> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static double[] concat(List<double[]> parts) {
    double[] out = new double[parts.stream().mapToInt(p -> p.length).sum()];
    int at = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }
}
