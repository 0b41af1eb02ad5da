package io.fraudops.feature.backfill;

import io.fraudops.feature.transaction.TransactionParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A history file checked before any store is touched: its header resolved against the schema and
 * the mapping, and its first rows parsed. A file that cannot be loaded (a required column missing,
 * a mapping naming no column, most first rows refused, e.g. for a wrong timestamp format) fails
 * here, within a second, with every reason, instead of after a database started or with every row
 * rejected.
 */
public final class HistoryFile {

  /** Rows parsed up front. */
  static final int SAMPLE_ROWS = 1_000;

  /** Below this many sampled rows the share says little; the load's own threshold still applies. */
  private static final int MIN_SAMPLE = 20;

  private static final int REASONS_SHOWN = 3;

  private final BackfillOptions options;
  private final FileLayout layout;
  private final int sampled;
  private final int sampleRefused;

  private HistoryFile(BackfillOptions options, FileLayout layout, int sampled, int sampleRefused) {
    this.options = options;
    this.layout = layout;
    this.sampled = sampled;
    this.sampleRefused = sampleRefused;
  }

  /**
   * @throws IllegalArgumentException when the file cannot be loaded at all, with every reason found
   */
  public static HistoryFile check(BackfillOptions options, TransactionParser parser) {
    if (!Files.isReadable(options.file())) {
      throw new IllegalArgumentException("cannot read the file " + options.file());
    }
    try (BufferedReader in = Files.newBufferedReader(options.file(), StandardCharsets.UTF_8)) {
      FileLayout layout = layout(in.readLine(), options);
      RowParser rows = new RowParser(parser, layout, options.timestamps(), options.labelDelay());
      int sampled = 0;
      int refused = 0;
      // One example per kind of reason: the same reason with other values quoted is the same kind.
      Map<String, String> examples = new LinkedHashMap<>();
      long line = 1;
      String text;
      while (sampled < SAMPLE_ROWS && (text = in.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        sampled++;
        try {
          rows.parse(text);
        } catch (RejectedRowException e) {
          refused++;
          String reason = e.reasons().getFirst();
          if (examples.size() < REASONS_SHOWN) {
            examples.putIfAbsent(
                reason.replaceAll("'[^']*'", "'…'"), "line " + line + ": " + reason);
          }
        }
      }
      if (sampled >= MIN_SAMPLE && refused * 2 >= sampled) {
        throw new IllegalArgumentException(
            refused
                + " of the first "
                + sampled
                + " rows would be refused ("
                + String.join("; ", examples.values())
                + "). Check the mapping (--map, --format), --timestamp-format"
                + " and --time-zone; nothing was loaded");
      }
      return new HistoryFile(options, layout, sampled, refused);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the file " + options.file() + ": " + e.getMessage(), e);
    }
  }

  static FileLayout layout(String headerLine, BackfillOptions options) {
    if (headerLine == null) {
      throw new IllegalArgumentException(
          "the file " + options.file() + " is empty: a header row is required");
    }
    List<String> header;
    try {
      header = CsvLine.split(headerLine);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the header row is not valid CSV: " + e.getMessage());
    }
    return options.mapping().resolve(header);
  }

  FileLayout layout() {
    return layout;
  }

  /** What the load will do with the file: one line per mapped, constant or defaulted column. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "[backfill] %s: %d columns; the first %,d rows parse with %,d refused",
            options.file(), layout.width(), sampled, sampleRefused));
    lines.add("[backfill]   timestamps: " + options.timestamps().describe());
    for (String line : layout.describe()) {
      lines.add("[backfill]   " + line);
    }
    return lines;
  }
}
