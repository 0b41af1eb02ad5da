package io.fraudops.cli.backfill;

import io.fraudops.feature.backfill.HistoryCsvWriter;
import io.fraudops.feature.backfill.HistoryFormat;
import io.fraudops.feature.backfill.SyntheticHistoryFile;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes a synthetic history CSV, with labels and a sprinkle of bad rows, to try and measure the
 * backfill, in the backfill's own schema or in the public card-fraud datasets' shape. The file
 * holds full (synthetic) card numbers, as an issuer's export would. Defaults per format are
 * feature-lib's ({@code SyntheticHistoryFile.Settings.defaults}).
 */
@Command(
    name = "generate-history",
    header = "Writes a synthetic payment history CSV.",
    description = {
      "Writes a synthetic payment history CSV with labels and a sprinkle of bad rows (full synthetic card numbers,"
          + " as an issuer's export would have).",
      "--format=native writes the backfill's schema: a customer per 50 rows paying about 3 times a day, 2 %% fraud."
          + " --format=kaggle writes the public datasets' columns (fraudTrain.csv: trans_date_trans_time, cc_num,"
          + " merchant, category, amt, ..., lat, long, trans_num, unix_time, merch_lat, merch_long, is_fraud): two"
          + " years from 2019-01-01, a card per 1,700 rows, 700 merchants, 0.55 %% fraud, a few repeated trans_num."
    })
public final class GenerateHistoryCommand implements Callable<Integer> {

  @Option(
      names = "--file",
      required = true,
      paramLabel = "<csv>",
      description = "Where to write the history.")
  Path file;

  @Option(
      names = "--rows",
      paramLabel = "<n>",
      defaultValue = "100000",
      description = "Payments to write.")
  int rows;

  @Option(
      names = "--format",
      paramLabel = "<native|kaggle>",
      defaultValue = "native",
      description = "The file's shape, as backfill --format reads it.")
  String format;

  @Option(
      names = "--seed",
      paramLabel = "<n>",
      defaultValue = "1",
      description = "The generator's seed: the same seed, the same file.")
  long seed;

  @Option(
      names = "--customers",
      paramLabel = "<n>",
      description =
          "Customers (cards in the kaggle format). Default: the format's (native: one per 50 rows, at"
              + " least 500; kaggle: one per 1,700 rows, at least 100).")
  Integer customers;

  @Option(
      names = "--merchants",
      paramLabel = "<n>",
      description = "Merchants. Default: the format's (native 500, kaggle 700).")
  Integer merchants;

  @Option(
      names = "--fraud-rate",
      paramLabel = "<share>",
      description =
          "Share of fraudulent payments. Default: the format's (native 0.02, kaggle 0.0055).")
  Double fraudRate;

  @Option(
      names = "--invalid-rate",
      paramLabel = "<share>",
      description =
          "Share of payments the rules reject (native format). Default: native 0.002, kaggle 0.")
  Double invalidRate;

  @Option(
      names = "--csv-defect-rate",
      paramLabel = "<share>",
      description =
          "Share of rows broken as CSV (a missing cell, a bad number; in the kaggle format also repeated"
              + " ids). Default: 0.001.")
  Double csvDefectRate;

  @Option(
      names = "--start",
      paramLabel = "<instant>",
      description =
          "The first payment's time. Default: the format's (kaggle 2019-01-01T00:00:00Z).")
  Instant start;

  @Option(
      names = "--days",
      paramLabel = "<n>",
      description =
          "Days the rows cover. Default: the format's (native: as the customers' pace gives; kaggle 730).")
  Integer days;

  @Spec CommandSpec spec;

  /**
   * The settings from the format's defaults and the options given, checked by the settings record.
   */
  SyntheticHistoryFile.Settings settings() {
    if (rows < 1) {
      throw new ParameterException(spec.commandLine(), "--rows must be at least 1");
    }
    try {
      SyntheticHistoryFile.Settings defaults =
          SyntheticHistoryFile.Settings.defaults(HistoryFormat.parse(format), rows, seed);
      return defaults
          .withCustomers(customers != null ? customers : defaults.customers())
          .withMerchants(merchants != null ? merchants : defaults.merchants())
          .withRates(
              fraudRate != null ? fraudRate : defaults.fraudRate(),
              invalidRate != null ? invalidRate : defaults.invalidRate(),
              csvDefectRate != null ? csvDefectRate : defaults.csvDefectRate())
          .withPeriod(
              start != null ? start : defaults.start(),
              days != null ? Duration.ofDays(days) : defaults.span());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws Exception {
    SyntheticHistoryFile.Settings settings = settings();
    long begin = System.nanoTime();
    HistoryCsvWriter.Written written;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      written = SyntheticHistoryFile.write(settings, out);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "[generate-history] %,d rows in the %s format (%,d labelled, %,d fraud, %,d deliberately bad, %,d"
                + " duplicate ids) for %,d customers from %s over %d days to %s in %.1f s%n",
            written.rows(),
            settings.format().id(),
            written.labels(),
            written.fraud(),
            written.invalid(),
            written.duplicates(),
            settings.customers(),
            settings.start(),
            settings.span().toDays(),
            file.toAbsolutePath(),
            (System.nanoTime() - begin) / 1e9)
        .flush();
    return 0;
  }
}
