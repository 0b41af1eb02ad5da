package io.fraudops.cli.drift;

import io.fraudops.feature.training.TrainingSet;
import io.fraudops.model.training.Dataset;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every other row of a training set, as a dataset or as an export file (export-training-set's
 * format).
 */
record ExportFiles(TrainingSet set) {

  /** Rows {@code first}, {@code first + 2}, ... */
  Dataset dataset(int first) {
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = first; i < set.size(); i += 2) {
      rows.add(set.rows()[i]);
      labels.add(set.labels()[i]);
    }
    return new Dataset(
        set.featureNames().toArray(String[]::new),
        rows.toArray(double[][]::new),
        labels.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Rows {@code first}, {@code first + 2}, ... without the {@code dropped} columns, amounts times
   * {@code scale}.
   */
  void write(Path file, int first, List<String> dropped, double scale) throws IOException {
    List<String> names = set.featureNames();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      List<String> header =
          new ArrayList<>(names.stream().filter(n -> !dropped.contains(n)).toList());
      header.addAll(List.of("label", "timestamp", "transactionId"));
      out.write(String.join(",", header) + "\n");
      for (int i = first; i < set.size(); i += 2) {
        StringBuilder line = new StringBuilder();
        for (int f = 0; f < names.size(); f++) {
          if (!dropped.contains(names.get(f))) {
            double value = set.rows()[i][f];
            line.append(names.get(f).equals("amount") ? value * scale : value).append(',');
          }
        }
        line.append(set.labels()[i])
            .append(',')
            .append(set.timestamps()[i])
            .append(",t")
            .append(i)
            .append('\n');
        out.write(line.toString());
      }
    }
  }
}
