package io.fraudops.model.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a labelled transaction file: a header of feature names followed by {@code label} and {@code
 * timestamp}, optionally {@code transactionId} (the layout {@code ./fraud export-training-set}
 * writes); one payment per line. Labels are 0/1 or true/false; timestamps epoch milliseconds or
 * ISO-8601 instants; an empty feature cell (or {@code NaN}) is a missing value. Rows may come in
 * any order: they keep their timestamps so a trainer can sort and split them by time ({@link
 * TimeSplit}).
 */
public final class TrainingCsv {

  static final List<String> TRAILER = List.of("label", "timestamp", "transactionId");
  private static final List<String> SHORT_TRAILER = TRAILER.subList(0, 2);
  private static final char BOM = '\uFEFF';

  /** The rows of the file, with the instant (epoch millis) each payment happened, in file order. */
  public record Rows(Dataset dataset, long[] timestamps) {

    public Rows {
      if (timestamps == null || timestamps.length != dataset.size()) {
        throw new IllegalArgumentException("need one timestamp per row");
      }
      timestamps = timestamps.clone();
    }

    @Override
    public long[] timestamps() {
      return timestamps.clone();
    }
  }

  private TrainingCsv() {}

  /**
   * @throws IllegalArgumentException naming the line and column of the first problem
   */
  public static Rows read(Reader source) throws IOException {
    BufferedReader in = new BufferedReader(source);
    String header = in.readLine();
    if (header == null) {
      throw new IllegalArgumentException("training file is empty: expected a header row");
    }
    List<String> columns = header(header);
    int features = columns.size() - trailerOf(columns).size();
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<Long> timestamps = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        List<String> cells = CsvCells.split(line);
        if (cells.size() != columns.size()) {
          throw new IllegalArgumentException(
              "expected " + columns.size() + " columns, got " + cells.size());
        }
        double[] row = new double[features];
        for (int i = 0; i < features; i++) {
          row[i] = CsvCells.feature(cells.get(i), columns.get(i));
        }
        labels.add(CsvCells.label(cells.get(features)));
        timestamps.add(CsvCells.timestamp(cells.get(features + 1)));
        rows.add(row);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("training file has a header but no rows");
    }
    Dataset dataset =
        new Dataset(
            columns.subList(0, features).toArray(String[]::new),
            rows.toArray(double[][]::new),
            labels.stream().mapToInt(Integer::intValue).toArray());
    return new Rows(dataset, timestamps.stream().mapToLong(Long::longValue).toArray());
  }

  private static List<String> header(String line) {
    String text =
        !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line; // Excel's UTF-8 mark
    return CsvCells.split(text).stream().map(String::strip).toList();
  }

  private static List<String> trailerOf(List<String> columns) {
    for (List<String> trailer : List.of(TRAILER, SHORT_TRAILER)) {
      int features = columns.size() - trailer.size();
      if (features >= 1 && columns.subList(features, columns.size()).equals(trailer)) {
        return trailer;
      }
    }
    throw new IllegalArgumentException(
        "training file header must be feature names followed by "
            + SHORT_TRAILER
            + " or "
            + TRAILER
            + " (got "
            + String.join(",", columns)
            + ")");
  }
}
