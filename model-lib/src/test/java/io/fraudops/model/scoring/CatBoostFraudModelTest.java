package io.fraudops.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudops.model.scoring.ModelLoadException.Reason;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatBoostFraudModelTest {

  @TempDir Path dir;

  @Test
  void loadsAPythonStyleJsonModelWithItsFeatureNames() {
    Path file = Fixtures.tinyVariant(dir, "tiny.json", json -> {});

    try (CatBoostFraudModel model = CatBoostFraudModel.load(file, "tiny", "7")) {
      assertThat(model.info())
          .isEqualTo(
              new ModelInfo(
                  "tiny", "7", List.of("amount", "velocity_1h", "card_present"), ModelFormat.JSON));
      // tree 1: amount > 500 and not card present -> 1.5; tree 2: velocity > 3.5 -> 1.0; bias -2
      assertThat(model.predictRaw(new double[] {800, 5, 0})).isCloseTo(0.5, within(1e-12));
      assertThat(model.predictRaw(new double[] {50, 1, 1})).isCloseTo(-3.25, within(1e-12));
      assertThat(model.predictRaw(new double[] {500, Double.NaN, 0}))
          .isCloseTo(-2.75, within(1e-12));
      assertThat(model.predictProbability(new double[] {800, 5, 0}))
          .isCloseTo(Sigmoid.apply(0.5), within(1e-12));
    }
  }

  @Test
  void unnamedModelsTakeTheGivenNamesAndNamedModelsMustMatchThem() {
    Path unnamed =
        Fixtures.tinyVariant(
            dir,
            "unnamed.json",
            json -> floatFeatures(json).forEach(f -> ((ObjectNode) f).remove("feature_id")));
    List<String> names = List.of("amt", "vel", "cp");

    try (CatBoostFraudModel model = CatBoostFraudModel.load(unnamed, "u", "1", names)) {
      assertThat(model.info().featureNames()).isEqualTo(names);
    }
    expectRejected(
        () -> CatBoostFraudModel.load(unnamed, "u", "1"),
        Reason.FEATURE_MISMATCH,
        "no feature names");
    Path named = Fixtures.tinyVariant(dir, "named.json", json -> {});
    expectRejected(
        () -> CatBoostFraudModel.load(named, "n", "1", names),
        Reason.FEATURE_MISMATCH,
        "feature names differ");
    expectRejected(
        () -> CatBoostFraudModel.load(named, "n", "1", List.of("amount", "velocity_1h")),
        Reason.FEATURE_MISMATCH,
        "the model has 3 features but 2 feature names were given");
    Path duplicated =
        Fixtures.tinyVariant(
            dir,
            "duplicated.json",
            json -> ((ObjectNode) floatFeatures(json).get(2)).put("feature_id", "amount"));
    expectRejected(
        () -> CatBoostFraudModel.load(duplicated, "d", "1"),
        Reason.FEATURE_MISMATCH,
        "duplicate feature names");
  }

  @Test
  void rejectsBrokenJsonThatCatboost4jWouldLoadSilently() {
    expectRejected(
        load(Fixtures.write(dir.resolve("garbage.json"), "{not json".getBytes())),
        Reason.UNREADABLE,
        "not valid JSON");
    expectRejected(
        load(Fixtures.write(dir.resolve("empty.json"), "{}".getBytes())),
        Reason.INVALID_MODEL,
        "features_info is missing");
    expectRejected(
        load(
            Fixtures.tinyVariant(
                dir,
                "leaves.json",
                json -> ((ArrayNode) json.at("/oblivious_trees/1/leaf_values")).add(3.0))),
        Reason.INVALID_MODEL,
        "oblivious_trees[1] has 3 leaf_values, expected 2^1 = 2");
    expectRejected(
        load(
            Fixtures.tinyVariant(
                dir,
                "borders.json",
                json ->
                    ((ArrayNode) json.at("/features_info/float_features/0/borders"))
                        .removeAll()
                        .add(500.0)
                        .add(100.0))),
        Reason.INVALID_MODEL,
        "float_features[0].borders are not sorted strictly ascending");
    expectRejected(
        load(
            Fixtures.tinyVariant(
                dir,
                "split.json",
                json ->
                    ((ObjectNode) json.at("/oblivious_trees/0/splits/0")).put("split_index", 4))),
        Reason.INVALID_MODEL,
        "split_index 4 is outside [0, 4)");
    expectRejected(
        load(Fixtures.tinyVariant(dir, "notrees.json", json -> json.putArray("oblivious_trees"))),
        Reason.INVALID_MODEL,
        "oblivious_trees is empty");
    expectRejected(
        load(
            Fixtures.tinyVariant(
                dir,
                "nan.json",
                json -> ((ObjectNode) floatFeatures(json).get(1)).remove("nan_value_treatment"))),
        Reason.INVALID_MODEL,
        "nan_value_treatment");
  }

  @Test
  void rejectsModelsWeCannotServe() {
    expectRejected(
        load(
            Fixtures.tinyVariant(
                dir,
                "cat.json",
                json ->
                    ((ObjectNode) json.get("features_info"))
                        .putArray("categorical_features")
                        .addObject()
                        .put("feature_index", 0)
                        .put("flat_feature_index", 3))),
        Reason.UNSUPPORTED,
        "categorical_features present");
    expectRejected(
        load(
            Fixtures.tinyVariant(
                dir,
                "multi.json",
                json -> ((ArrayNode) json.at("/oblivious_trees/1/leaf_values")).add(1.0).add(2.0))),
        Reason.UNSUPPORTED,
        "multi-dimensional");
    expectRejected(
        () -> CatBoostFraudModel.load(dir.resolve("model.onnx"), "x", "1"),
        Reason.UNSUPPORTED,
        "expected .json, or .cbm");
  }

  @Test
  void rejectsMissingFiles() {
    expectRejected(load(dir.resolve("absent.json")), Reason.NOT_FOUND, "file does not exist");
  }

  /**
   * We cannot produce a real .cbm without Python: the binary path is covered by what it must
   * refuse.
   */
  @Test
  void rejectsCorruptCbmThroughCatboost4j() {
    expectRejected(
        load(Fixtures.write(dir.resolve("garbage.cbm"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8})),
        Reason.UNREADABLE,
        "catboost4j cannot load it as CBM");
    expectRejected(
        load(
            Fixtures.write(
                dir.resolve("truncated.cbm"), "CBM1\u0010\u0000\u0000\u0000xx".getBytes())),
        Reason.UNREADABLE,
        "catboost4j cannot load it as CBM");
    // A JSON model behind a .cbm name is read as binary, and refused rather than misread.
    expectRejected(
        load(Fixtures.tinyVariant(dir, "json-inside.cbm", json -> {})),
        Reason.UNREADABLE,
        "Incorrect model file descriptor");
  }

  @Test
  void closedModelsRefuseToPredictAndCloseTwiceIsHarmless() {
    CatBoostFraudModel model =
        CatBoostFraudModel.load(Fixtures.tinyVariant(dir, "t.json", json -> {}), "t", "1");
    model.close();
    model.close();

    assertThatThrownBy(() -> model.predictRaw(new double[3]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void rejectsRowsOfTheWrongWidth() {
    try (CatBoostFraudModel model =
        CatBoostFraudModel.load(Fixtures.tinyVariant(dir, "t.json", json -> {}), "t", "1")) {
      assertThatThrownBy(() -> model.predictRaw(new double[2]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expects 3 features");
    }
  }

  @Test
  void concurrentPredictionsMatchSequentialOnes() throws Exception {
    try (CatBoostFraudModel model =
            CatBoostFraudModel.load(Fixtures.tinyVariant(dir, "t.json", json -> {}), "t", "1");
        ExecutorService pool = Executors.newFixedThreadPool(4)) {
      double[][] rows = new double[2_000][];
      double[] expected = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = new double[] {i % 1_000, i % 7, i % 2};
        expected[i] = model.predictRaw(rows[i]);
      }
      List<Future<Boolean>> results =
          pool.invokeAll(
              java.util.Collections.nCopies(
                  8,
                  () -> {
                    for (int i = 0; i < rows.length; i++) {
                      if (model.predictRaw(rows[i]) != expected[i]) {
                        return false;
                      }
                    }
                    return true;
                  }));
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    }
  }

  private static ArrayNode floatFeatures(ObjectNode json) {
    return (ArrayNode) json.at("/features_info/float_features");
  }

  private static ThrowingCallable load(Path file) {
    return () -> CatBoostFraudModel.load(file, "m", "1").close();
  }

  static void expectRejected(ThrowingCallable load, Reason reason, String messagePart) {
    assertThatThrownBy(load)
        .isInstanceOfSatisfying(
            ModelLoadException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).contains(messagePart);
            });
  }
}
