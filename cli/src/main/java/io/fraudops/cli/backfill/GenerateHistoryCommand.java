package io.fraudops.cli.backfill;

import io.fraudops.feature.backfill.HistoryCsvWriter;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes a synthetic history CSV in the backfill's schema, with labels and a sprinkle of bad rows, to
 * try and measure the backfill:
 *
 * <pre>./fraud generate-history --rows=1000000 --file=history.csv [--seed=1] [--customers=n]
 *     [--merchants=500] [--fraud-rate=0.02] [--invalid-rate=0.002] [--csv-defect-rate=0.001]</pre>
 *
 * <p>Customers default to one per 50 rows, each paying about 3 times a day, so velocity features stay
 * realistic. The file holds full (synthetic) card numbers, as an issuer's export would.
 */
public final class GenerateHistoryCommand {

  private static final Set<String> OPTIONS =
      Set.of("rows", "file", "seed", "customers", "merchants", "fraud-rate", "invalid-rate", "csv-defect-rate");

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
    int rows = line.integer("rows", 100_000);
    Path file = Path.of(line.required("file"));
    long seed = Long.parseLong(line.get("seed", "1"));
    int customers = line.integer("customers", Math.max(500, rows / 50));
    int merchants = Math.max(SyntheticWorld.MIN_MERCHANTS, line.integer("merchants", 500));
    GeneratorSettings settings =
        new GeneratorSettings(
            seed,
            GeneratorSettings.DEFAULT_START,
            line.decimal("fraud-rate", GeneratorSettings.DEFAULT_FRAUD_RATE),
            line.decimal("invalid-rate", 0.002),
            customers * 3.0 / 86_400);
    long begin = System.nanoTime();
    SyntheticWorld world = SyntheticWorld.create(seed, customers, merchants);
    HistoryCsvWriter.Written written;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      written =
          new HistoryCsvWriter(seed, line.decimal("csv-defect-rate", 0.001))
              .write(new TransactionGenerator(world, settings).stream().limit(rows), out);
    }
    System.out.printf(
        "[generate-history] %,d rows (%,d labelled, %,d deliberately bad) for %,d customers to %s in %.1f s%n",
        written.rows(), written.labels(), written.invalid(), customers, file.toAbsolutePath(),
        (System.nanoTime() - begin) / 1e9);
  }
}
