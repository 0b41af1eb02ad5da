package io.fraudops.model.training;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splitting a CSV line (RFC 4180 quoting within one line) and reading the cells of a labelled
 * transaction file. Errors are {@link IllegalArgumentException}s without a line number; the reader
 * adds it.
 */
final class CsvCells {

  private CsvCells() {}

  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quote (a quoted cell cannot span lines)");
    }
    cells.add(cell.toString());
    return cells;
  }

  /** Empty or {@code NaN} is missing, as pandas and our export write it; infinity is refused. */
  static double feature(String cell, String column) {
    String text = cell.strip();
    if (text.isEmpty() || text.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          column + " is '" + cell + "', not a number (leave it empty if missing)");
    }
    if (Double.isInfinite(value) || Math.abs(value) > Float.MAX_VALUE) {
      throw new IllegalArgumentException(column + " is " + text + ": values must fit a float");
    }
    return value;
  }

  static int label(String cell) {
    return switch (cell.strip().toLowerCase(Locale.ROOT)) {
      case "1", "true" -> 1;
      case "0", "false" -> 0;
      default ->
          throw new IllegalArgumentException("label is '" + cell + "', expected 0/1 or true/false");
    };
  }

  /**
   * Epoch milliseconds, or an ISO-8601 instant ({@code 2025-03-01T12:00:00Z}, or with an offset).
   */
  static long timestamp(String cell) {
    String text = cell.strip();
    if (text.matches("-?\\d+")) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("timestamp " + text + " is out of range");
      }
    }
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException notUtc) {
      try {
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "timestamp is '"
                + cell
                + "', expected epoch milliseconds or an ISO-8601 instant like 2025-03-01T12:00:00Z");
      }
    }
  }
}
