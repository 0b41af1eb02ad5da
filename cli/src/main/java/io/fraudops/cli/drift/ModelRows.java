package io.fraudops.cli.drift;

import io.fraudops.model.scoring.FraudModel;
import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.TrainingCsv;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of an export file ({@code ./fraud export-training-set}) as a model's inputs: its features
 * picked by name, in its order, so a file with more columns, or in another order, still fits.
 */
record ModelRows(double[][] rows, double[] scores) {

  ModelRows {
    if (rows.length != scores.length) {
      throw new IllegalArgumentException(rows.length + " rows but " + scores.length + " scores");
    }
  }

  static ModelRows score(Path file, FraudModel model) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file.toAbsolutePath());
    }
    Dataset data;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      data = TrainingCsv.read(in).dataset();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    List<String> columns = Arrays.asList(data.featureNames());
    List<String> inputs = model.info().featureNames();
    List<String> missing = inputs.stream().filter(name -> !columns.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          file
              + " lacks columns the model "
              + model.info().name()
              + ":"
              + model.info().version()
              + " needs: "
              + missing);
    }
    int[] columnOf = inputs.stream().mapToInt(columns::indexOf).toArray();
    double[][] rows = new double[data.size()][columnOf.length];
    double[] scores = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      for (int f = 0; f < columnOf.length; f++) {
        rows[r][f] = data.value(r, columnOf[f]);
      }
      scores[r] = model.predictProbability(rows[r]);
    }
    return new ModelRows(rows, scores);
  }

  int size() {
    return rows.length;
  }
}
