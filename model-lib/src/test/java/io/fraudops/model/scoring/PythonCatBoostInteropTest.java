package io.fraudops.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.model.python.PythonEnvironment;
import io.fraudops.model.python.PythonScripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models written by CatBoost itself, in Python ({@code catboost_interop.py}: a classifier on
 * synthetic payments with the feature catalogue's names, saved with {@code save_model} as .cbm and
 * as JSON), score in catboost4j as in Python, on held-out rows, rows on, just above and just below
 * split borders, and missing values; and they explain their scores, the JSON one from its trees
 * without any baseline.
 */
class PythonCatBoostInteropTest {

  private static final double SAME = 1e-6;

  @TempDir static Path dir;
  private static List<double[]> rows;
  private static double[] pythonRaw;
  private static double[] pythonProbability;
  private static List<String> names;
  private static Map<String, Double> medians;

  @BeforeAll
  static void trainInPython() throws IOException {
    PythonEnvironment python = PythonEnvironment.get();
    python.run(
        Duration.ofMinutes(5),
        PythonScripts.copy("catboost_interop.py", dir).toString(),
        dir.toString());
    List<String> header = new ArrayList<>();
    rows = read(dir.resolve("rows.csv"), header);
    names = List.copyOf(header);
    List<double[]> predictions = read(dir.resolve("python.csv"), new ArrayList<>());
    pythonRaw = predictions.stream().mapToDouble(p -> p[0]).toArray();
    pythonProbability = predictions.stream().mapToDouble(p -> p[1]).toArray();
    medians =
        new ObjectMapper()
            .readValue(dir.resolve("baselines.json").toFile(), new TypeReference<>() {});
  }

  @Test
  void aCbmFromPythonScoresAsPythonDoesAndExplainsByAblationAgainstItsSidecarBaselines()
      throws IOException {
    Path model = dir.resolve("model.cbm");
    Files.write(
        Path.of(model + ModelMetadata.SIDECAR_SUFFIX),
        new ModelMetadata("python-cbm", "1", null, Map.of(), medians, List.of()).toJson());

    try (ModelArtifact artifact = ModelArtifact.load(model.toString())) {
      assertThat(artifact.info().format()).isEqualTo(ModelFormat.CBM);
      assertThat(artifact.info().featureNames())
          .as("CatBoost keeps the DataFrame's column names")
          .isEqualTo(names);
      assertSameScores(artifact.model());
      assertThat(artifact.explainer()).isInstanceOf(AblationExplainer.class);
      assertThat(riskiestReasons(artifact))
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.contribution()).isPositive());
    }
  }

  @Test
  void aJsonFromPythonScoresAsPythonDoesAndExplainsByItsTreesWithoutBaselines() throws IOException {
    Path model = dir.resolve("model.json");
    Files.write(
        Path.of(model + ModelMetadata.SIDECAR_SUFFIX),
        new ModelMetadata("python-json", "1", null, Map.of(), Map.of(), List.of()).toJson());

    try (ModelArtifact artifact = ModelArtifact.load(model.toString())) {
      assertThat(artifact.info().featureNames()).isEqualTo(names);
      assertSameScores(artifact.model());
      assertThat(artifact.explainer()).isInstanceOf(TreeContributionExplainer.class);
      ObliviousEnsemble trees = ((TreeContributionExplainer) artifact.explainer()).ensemble();
      assertThat(trees.weightedTrees())
          .as("CatBoost exports leaf weights")
          .isEqualTo(trees.treeCount());
      for (int i = 0; i < rows.size(); i++) {
        assertThat(trees.predictRaw(rows.get(i)))
            .as("row %d read from our own tree parser", i)
            .isCloseTo(pythonRaw[i], within(SAME));
      }
      assertThat(riskiestReasons(artifact))
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.contribution()).isPositive());
    }
  }

  @Test
  void theSameModelInBothFormatsScoresAlike() {
    try (CatBoostFraudModel cbm = CatBoostFraudModel.load(dir.resolve("model.cbm"), "m", "1");
        CatBoostFraudModel json = CatBoostFraudModel.load(dir.resolve("model.json"), "m", "1")) {
      double[] a = cbm.predictProbabilities(rows.toArray(double[][]::new));
      double[] b = json.predictProbabilities(rows.toArray(double[][]::new));
      for (int i = 0; i < a.length; i++) {
        assertThat(a[i]).isCloseTo(b[i], within(SAME));
      }
    }
  }

  private static void assertSameScores(FraudModel model) {
    assertThat(rows).hasSize(pythonRaw.length).hasSizeGreaterThan(400);
    assertThat(rows).as("the rows include missing values").anyMatch(r -> Double.isNaN(r[0]));
    double[] batch = model.predictProbabilities(rows.toArray(double[][]::new));
    for (int i = 0; i < rows.size(); i++) {
      assertThat(model.predictRaw(rows.get(i)))
          .as("raw score of row %d", i)
          .isCloseTo(pythonRaw[i], within(SAME));
      assertThat(model.predictProbability(rows.get(i)))
          .as("probability of row %d", i)
          .isCloseTo(pythonProbability[i], within(SAME));
      assertThat(batch[i])
          .as("batch probability of row %d", i)
          .isCloseTo(pythonProbability[i], within(SAME));
    }
  }

  private static List<ReasonCode> riskiestReasons(ModelArtifact artifact) {
    int riskiest = 0;
    for (int i = 1; i < pythonProbability.length; i++) {
      riskiest = pythonProbability[i] > pythonProbability[riskiest] ? i : riskiest;
    }
    assertThat(pythonProbability[riskiest]).isGreaterThan(0.5);
    return artifact.scorer().score(rows.get(riskiest)).reasons();
  }

  /** A CSV of numbers with a header; an empty cell is missing. */
  private static List<double[]> read(Path csv, List<String> header) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    header.addAll(List.of(lines.getFirst().split(",")));
    List<double[]> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      double[] row = new double[cells.length];
      for (int i = 0; i < cells.length; i++) {
        row[i] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
      }
      out.add(row);
    }
    return out;
  }
}
