package io.fraudops.cli.drift;

import io.fraudops.model.scoring.FraudModel;
import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.TrainingCsv;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Rows of an export file ({@code ./fraud export-training-set}) as a model's inputs: its features
 * picked by name, in its order, so a file with more columns, or in another order, still fits.
 * Optionally only the payments of a period, by the file's {@code timestamp}: an export of the whole
 * history then serves to check any later period against the training one.
 */
record ModelRows(double[][] rows, double[] scores) {

  ModelRows {
    if (rows.length != scores.length) {
      throw new IllegalArgumentException(rows.length + " rows but " + scores.length + " scores");
    }
  }

  static ModelRows score(Path file, FraudModel model) throws IOException {
    return score(file, model, null, null);
  }

  /**
   * @param from first instant kept, null for the beginning
   * @param until end (excluded), null for the end
   */
  static ModelRows score(Path file, FraudModel model, Instant from, Instant until)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file.toAbsolutePath());
    }
    TrainingCsv.Rows read;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      read = TrainingCsv.read(in);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    Dataset data = read.dataset();
    long first = from == null ? Long.MIN_VALUE : from.toEpochMilli();
    long end = until == null ? Long.MAX_VALUE : until.toEpochMilli();
    long[] timestamps = read.timestamps();
    int[] kept =
        IntStream.range(0, data.size())
            .filter(r -> timestamps[r] >= first && timestamps[r] < end)
            .toArray();
    if (kept.length == 0) {
      throw new IllegalArgumentException(
          file
              + " has no payment"
              + (from != null ? " from " + from : "")
              + (until != null ? " before " + until : "")
              + " ("
              + data.size()
              + " rows in all)");
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
    double[][] rows = new double[kept.length][columnOf.length];
    double[] scores = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      for (int f = 0; f < columnOf.length; f++) {
        rows[r][f] = data.value(kept[r], columnOf[f]);
      }
      scores[r] = model.predictProbability(rows[r]);
    }
    return new ModelRows(rows, scores);
  }

  int size() {
    return rows.length;
  }
}
