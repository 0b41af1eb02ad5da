package io.fraudops.feature.backfill;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The refused rows of a run, as CSV: {@code line,transaction_id,reason}. The line is the file's
 * line number (the header is line 1), so {@code sed -n '<line>p'} shows the row. Invalid rows and
 * duplicate ids alike. Nothing from the row is written except its (scrubbed) id: never a card
 * number.
 */
final class BadRowReport implements AutoCloseable {

  private final BufferedWriter out;

  BadRowReport(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      out.write("line,transaction_id,reason\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file, e);
    }
  }

  void reject(long line, String transactionId, String reason) {
    try {
      out.write(
          line
              + ","
              + CsvLine.quote(Scrub.text(transactionId))
              + ","
              + CsvLine.quote(Scrub.text(reason))
              + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report", e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report", e);
    }
  }
}
