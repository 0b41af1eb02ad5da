package io.fraudops.feature.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Feature rows with their labels, in the catalogue's column order and the stream's time order (keep
 * it: a time-based split is the honest way to validate a fraud model).
 *
 * @param labels 1 for fraud, 0 otherwise
 * @param timestamps epoch millis of each row's transaction
 */
public record TrainingSet(
    List<String> featureNames, double[][] rows, int[] labels, long[] timestamps) {

  public TrainingSet {
    featureNames = List.copyOf(featureNames);
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(timestamps, "timestamps");
    if (rows.length != labels.length || rows.length != timestamps.length) {
      throw new IllegalArgumentException("rows, labels and timestamps must have the same length");
    }
    for (double[] row : rows) {
      if (row.length != featureNames.size()) {
        throw new IllegalArgumentException("every row needs " + featureNames.size() + " values");
      }
    }
  }

  public int size() {
    return rows.length;
  }

  public int positives() {
    int count = 0;
    for (int label : labels) {
      count += label;
    }
    return count;
  }

  /**
   * CSV with a header: the features, then {@code label} and {@code timestamp}. Values are exact.
   */
  public void writeCsv(Writer out) {
    try {
      out.write(String.join(",", featureNames) + ",label,timestamp\n");
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < rows.length; i++) {
        line.setLength(0);
        for (double value : rows[i]) {
          line.append(value).append(',');
        }
        line.append(labels[i]).append(',').append(timestamps[i]).append('\n');
        out.write(line.toString());
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
