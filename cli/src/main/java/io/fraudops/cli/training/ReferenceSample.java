package io.fraudops.cli.training;

import io.fraudops.model.drift.DriftReference;
import io.fraudops.model.drift.ReferenceBuilder;
import io.fraudops.model.scoring.FraudModel;
import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.SourceFile;
import io.fraudops.model.training.TrainingCsv;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./fraud register --reference} learns from a sample of the model's training population
 * (a file in the training-set schema): per feature the median, the typical value ablation reason
 * codes compare a payment with, and the drift reference (deciles of every feature and of the
 * model's score on the sample) that drift monitoring compares serving traffic with. Columns are
 * picked by the model's feature names, so the file may hold more columns, in any order.
 *
 * @param baselines per feature with at least one value in the sample, its median
 * @param source the file's name and SHA-256, recorded with the model
 */
record ReferenceSample(
    int rows, Map<String, Double> baselines, DriftReference driftReference, SourceFile source) {

  /**
   * @throws IllegalArgumentException when the file is missing, unreadable as a training set, or
   *     lacks a column the model needs
   */
  static ReferenceSample of(Path file, FraudModel model) throws IOException {
    Dataset data;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      data = TrainingCsv.read(in).dataset();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such reference file " + file.toAbsolutePath(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    List<String> columns = Arrays.asList(data.featureNames());
    List<String> inputs = model.info().featureNames();
    List<String> missing = inputs.stream().filter(name -> !columns.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(file + " lacks columns the model needs: " + missing);
    }
    int[] columnOf = inputs.stream().mapToInt(columns::indexOf).toArray();
    double[][] rows = new double[data.size()][columnOf.length];
    for (int r = 0; r < rows.length; r++) {
      for (int f = 0; f < columnOf.length; f++) {
        rows[r][f] = data.value(r, columnOf[f]);
      }
    }
    double[] scores = model.predictProbabilities(rows);
    Map<String, Double> baselines = new LinkedHashMap<>();
    for (int f = 0; f < columnOf.length; f++) {
      double[] present =
          Arrays.stream(data.column(columnOf[f])).filter(v -> !Double.isNaN(v)).sorted().toArray();
      // A feature the sample never has keeps no baseline: ablation then compares with a missing
      // value.
      if (present.length > 0) {
        int n = present.length;
        baselines.put(
            inputs.get(f), n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2);
      }
    }
    return new ReferenceSample(
        rows.length, baselines, ReferenceBuilder.build(inputs, rows, scores), SourceFile.of(file));
  }
}
