package io.fraudops.cli.backfill;

import io.fraudops.feature.backfill.HistoryCsvWriter;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes a synthetic history CSV in the backfill's schema, with labels and a sprinkle of bad rows,
 * to try and measure the backfill. The file holds full (synthetic) card numbers, as an issuer's
 * export would.
 */
@Command(
    name = "generate-history",
    header = "Writes a synthetic payment history CSV.",
    description = {
      "Writes a synthetic payment history CSV in the backfill's schema, with labels and a sprinkle of bad rows"
          + " (full synthetic card numbers, as an issuer's export would have).",
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
      names = "--seed",
      paramLabel = "<n>",
      defaultValue = "1",
      description = "The generator's seed: the same seed, the same file.")
  long seed;

  @Option(
      names = "--customers",
      paramLabel = "<n>",
      description =
          "Customers, each paying about 3 times a day. Default: one per 50 rows, at least 500.")
  Integer customers;

  @Option(
      names = "--merchants",
      paramLabel = "<n>",
      defaultValue = "500",
      description = "Merchants (raised to the generator's minimum when lower).")
  int merchants;

  @Option(
      names = "--fraud-rate",
      paramLabel = "<share>",
      defaultValue = "" + GeneratorSettings.DEFAULT_FRAUD_RATE,
      description = "Share of fraudulent payments.")
  double fraudRate;

  @Option(
      names = "--invalid-rate",
      paramLabel = "<share>",
      defaultValue = "0.002",
      description = "Share of payments the rules reject.")
  double invalidRate;

  @Option(
      names = "--csv-defect-rate",
      paramLabel = "<share>",
      defaultValue = "0.001",
      description = "Share of rows broken as CSV (a missing cell, a bad number).")
  double csvDefectRate;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (rows < 1) {
      throw new ParameterException(spec.commandLine(), "--rows must be at least 1");
    }
    int customerCount = customers != null ? customers : Math.max(500, rows / 50);
    int merchantCount = Math.max(SyntheticWorld.MIN_MERCHANTS, merchants);
    GeneratorSettings settings;
    try {
      settings =
          new GeneratorSettings(
              seed,
              GeneratorSettings.DEFAULT_START,
              fraudRate,
              invalidRate,
              customerCount * 3.0 / 86_400);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    long begin = System.nanoTime();
    SyntheticWorld world = SyntheticWorld.create(seed, customerCount, merchantCount);
    HistoryCsvWriter.Written written;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      written =
          new HistoryCsvWriter(seed, csvDefectRate)
              .write(new TransactionGenerator(world, settings).stream().limit(rows), out);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "[generate-history] %,d rows (%,d labelled, %,d deliberately bad) for %,d customers to %s in %.1f s%n",
            written.rows(),
            written.labels(),
            written.invalid(),
            customerCount,
            file.toAbsolutePath(),
            (System.nanoTime() - begin) / 1e9)
        .flush();
    return 0;
  }
}
