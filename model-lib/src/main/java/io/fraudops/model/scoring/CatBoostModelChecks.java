package io.fraudops.model.scoring;

import ai.catboost.CatBoostModel;
import io.fraudops.model.scoring.ModelLoadException.Reason;
import java.util.ArrayList;
import java.util.List;

/** What we require of a model catboost4j has loaded, whatever its file format. */
final class CatBoostModelChecks {

  private CatBoostModelChecks() {}

  /**
   * @return the feature names in input order
   */
  static List<String> check(CatBoostModel model, String source, List<String> expectedNames) {
    if (model.getPredictionDimension() != 1) {
      throw new ModelLoadException(
          Reason.UNSUPPORTED,
          source,
          "prediction dimension is "
              + model.getPredictionDimension()
              + ": only binary classifiers (one raw score) are supported");
    }
    // Checked before any prediction: catboost4j's predict never returns on a model without trees.
    if (model.getTreeCount() < 1) {
      throw new ModelLoadException(Reason.INVALID_MODEL, source, "the model has no trees");
    }
    List<CatBoostModel.Feature> features = model.getFeatures();
    List<String> nonNumeric =
        features.stream()
            .filter(f -> !(f instanceof CatBoostModel.FloatFeature))
            .map(f -> f.getName() + " (" + f.getClass().getSimpleName() + ")")
            .toList();
    if (!nonNumeric.isEmpty()) {
      throw new ModelLoadException(
          Reason.UNSUPPORTED,
          source,
          "only numeric features are supported, the model has " + nonNumeric);
    }
    if (features.isEmpty()) {
      throw new ModelLoadException(Reason.INVALID_MODEL, source, "the model declares no features");
    }
    List<String> modelNames = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      if (features.get(i).getFlatFeatureIndex() != i) {
        throw new ModelLoadException(
            Reason.INVALID_MODEL, source, "feature indexes are not contiguous at " + i);
      }
      modelNames.add(features.get(i).getName());
    }
    return resolveNames(modelNames, expectedNames, source);
  }

  /**
   * A model trained on an unnamed matrix reports its features as "0", "1", ...: then the expected
   * names supply the meaning. Named models must agree with the expected names exactly, because a
   * reordered feature vector scores silently wrong.
   */
  private static List<String> resolveNames(
      List<String> modelNames, List<String> expected, String source) {
    boolean positional = true;
    for (int i = 0; i < modelNames.size(); i++) {
      positional &= String.valueOf(i).equals(modelNames.get(i)) || modelNames.get(i).isBlank();
    }
    if (expected.isEmpty()) {
      if (positional) {
        throw new ModelLoadException(
            Reason.FEATURE_MISMATCH,
            source,
            "the model has no feature names; supply them (featureNames in the sidecar metadata)");
      }
      return modelNames;
    }
    if (expected.size() != modelNames.size()) {
      throw new ModelLoadException(
          Reason.FEATURE_MISMATCH,
          source,
          "the model has "
              + modelNames.size()
              + " features but "
              + expected.size()
              + " feature names were given: "
              + expected);
    }
    if (!positional && !modelNames.equals(expected)) {
      throw new ModelLoadException(
          Reason.FEATURE_MISMATCH,
          source,
          "feature names differ: model " + modelNames + ", expected " + expected);
    }
    return List.copyOf(expected);
  }
}
