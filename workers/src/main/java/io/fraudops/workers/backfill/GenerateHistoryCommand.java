package io.fraudops.workers.backfill;

import io.fraudops.feature.backfill.HistoryCsvWriter;
import io.fraudops.feature.backfill.HistoryFormat;
import io.fraudops.feature.backfill.SyntheticHistoryFile;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Writes a synthetic history CSV, with labels and a sprinkle of bad rows, to try and measure the backfill:
 *
 * <pre>./fraud generate-history --rows=1000000 --file=history.csv [--format=native|kaggle] [--seed=1]
 *     [--customers=n] [--merchants=n] [--fraud-rate=r] [--invalid-rate=r] [--csv-defect-rate=r]
 *     [--start=2019-01-01T00:00:00Z --days=730]</pre>
 *
 * <p>Defaults per format are feature-lib's ({@code SyntheticHistoryFile.Settings.defaults}): native has a
 * customer per 50 rows paying about 3 times a day; kaggle is two years of about 1,000 cards with 0.55 %
 * fraud in the public datasets' columns. The file holds full (synthetic) card numbers, as an issuer's
 * export would.
 */
public final class GenerateHistoryCommand {

  private static final Set<String> OPTIONS =
      Set.of("rows", "file", "format", "seed", "customers", "merchants", "fraud-rate", "invalid-rate",
          "csv-defect-rate", "start", "days");

  private GenerateHistoryCommand() {}

  public static void main(String[] args) throws Exception {
    try {
      run(CommandLine.parse(args, OPTIONS));
    } catch (IllegalArgumentException e) {
      System.err.println("generate-history: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void run(CommandLine line) throws Exception {
    Path file = Path.of(line.required("file"));
    SyntheticHistoryFile.Settings defaults =
        SyntheticHistoryFile.Settings.defaults(
            HistoryFormat.parse(line.get("format", "native")),
            line.integer("rows", 100_000),
            Long.parseLong(line.get("seed", "1")));
    SyntheticHistoryFile.Settings settings =
        defaults
            .withCustomers(line.integer("customers", defaults.customers()))
            .withMerchants(line.integer("merchants", defaults.merchants()))
            .withRates(
                line.decimal("fraud-rate", defaults.fraudRate()),
                line.decimal("invalid-rate", defaults.invalidRate()),
                line.decimal("csv-defect-rate", defaults.csvDefectRate()))
            .withPeriod(
                Instant.parse(line.get("start", defaults.start().toString())),
                line.has("days") ? Duration.ofDays(line.integer("days", 0)) : defaults.span());
    long begin = System.nanoTime();
    HistoryCsvWriter.Written written;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      written = SyntheticHistoryFile.write(settings, out);
    }
    System.out.printf(
        "[generate-history] %,d rows in the %s format (%,d labelled, %,d fraud, %,d deliberately bad, %,d duplicate"
            + " ids) for %,d customers from %s over %d days to %s in %.1f s%n",
        written.rows(), settings.format().id(), written.labels(), written.fraud(), written.invalid(),
        written.duplicates(), settings.customers(), settings.start(), settings.span().toDays(),
        file.toAbsolutePath(), (System.nanoTime() - begin) / 1e9);
  }
}
