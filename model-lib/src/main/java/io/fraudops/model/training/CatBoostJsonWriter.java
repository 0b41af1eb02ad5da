package io.fraudops.model.training;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes {@link TrainedModel} in the layout of CatBoost's {@code json_model_helpers.cpp}.
 * catboost4j reads only {@code split_index} of a split; border and feature are written too, as
 * CatBoost does, for readers. {@code leaf_weights} (training rows per leaf) go beside {@code
 * leaf_values} as in CatBoost's own export when the trees know them: tree-path reason codes need
 * them, and catboost4j ignores them when predicting. Nothing time-dependent goes in, so the same
 * model always yields the same bytes.
 */
final class CatBoostJsonWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private CatBoostJsonWriter() {}

  static void write(TrainedModel model, OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      writeModelInfo(model.params(), json);
      writeFeatures(model, json);
      writeTrees(model, json);
      json.writeArrayFieldStart("scale_and_bias");
      json.writeNumber(1.0);
      json.writeStartArray();
      json.writeNumber(model.bias());
      json.writeEndArray();
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /**
   * CatBoost parses a model_info key ending in "params" as its training options and warns on stderr
   * unless they sit under "flat_params"; the names are CatBoost's so the options read familiar.
   */
  private static void writeModelInfo(TrainingParams params, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("model_info");
    json.writeObjectFieldStart("params");
    json.writeObjectFieldStart("flat_params");
    json.writeStringField("loss_function", "Logloss");
    json.writeStringField("grow_policy", "SymmetricTree");
    json.writeNumberField("iterations", params.iterations());
    json.writeNumberField("depth", params.depth());
    json.writeNumberField("learning_rate", params.learningRate());
    json.writeNumberField("border_count", params.borderCount());
    json.writeNumberField("l2_leaf_reg", params.l2LeafReg());
    json.writeNumberField("random_seed", params.seed());
    json.writeStringField("bootstrap_type", params.subsample() < 1 ? "Bernoulli" : "No");
    json.writeNumberField("subsample", params.subsample());
    json.writeStringField(
        "nan_mode", "Min"); // NaN below every border: what AsIs does at prediction
    json.writeEndObject();
    json.writeEndObject();
    json.writeStringField("fraudops_trainer", ObliviousTreeTrainer.class.getName());
    json.writeEndObject();
  }

  private static void writeFeatures(TrainedModel model, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("features_info");
    json.writeArrayFieldStart("float_features");
    // Every feature is listed, with or without borders, so the model's input width is the feature
    // count.
    for (int f = 0; f < model.featureNames().size(); f++) {
      json.writeStartObject();
      json.writeNumberField("feature_index", f);
      json.writeNumberField("flat_feature_index", f);
      json.writeStringField("feature_id", model.featureNames().get(f));
      json.writeBooleanField("has_nans", model.hasNans(f));
      json.writeStringField("nan_value_treatment", "AsIs");
      json.writeArrayFieldStart("borders");
      for (float border : model.borders(f)) {
        json.writeNumber(
            (double) border); // the float's exact value: CatBoost reads it back to the same float
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeTrees(TrainedModel model, JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("oblivious_trees");
    for (ObliviousTree tree : model.trees()) {
      json.writeStartObject();
      json.writeArrayFieldStart("leaf_values");
      for (int leaf = 0; leaf < 1 << tree.depth(); leaf++) {
        json.writeNumber(tree.leafValue(leaf));
      }
      json.writeEndArray();
      if (tree.hasLeafWeights()) {
        json.writeArrayFieldStart("leaf_weights");
        for (int leaf = 0; leaf < 1 << tree.depth(); leaf++) {
          json.writeNumber(tree.leafWeight(leaf));
        }
        json.writeEndArray();
      }
      json.writeArrayFieldStart("splits");
      for (int d = 0; d < tree.depth(); d++) {
        json.writeStartObject();
        json.writeNumberField("border", (double) tree.border(d));
        json.writeNumberField("float_feature_index", tree.feature(d));
        json.writeNumberField("split_index", model.splitIndex(tree.feature(d), tree.border(d)));
        json.writeStringField("split_type", "FloatFeature");
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
