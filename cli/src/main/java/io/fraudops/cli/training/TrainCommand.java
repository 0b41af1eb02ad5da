package io.fraudops.cli.training;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.model.training.SourceFile;
import io.fraudops.model.training.TrainingCsv;
import io.fraudops.model.training.TrainingRequest;
import io.fraudops.model.training.TrainingResult;
import io.fraudops.model.training.TrainingRun;
import io.fraudops.cli.backfill.CommandLine;
import io.fraudops.cli.backfill.QuietLogs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Trains a model from a labelled transaction CSV (e.g. {@code ./fraud export-training-set}), splits it by
 * time, writes the model, its sidecar and an HTML report, then registers the model. Files come first so a
 * registry outage never costs the training. Exit codes: 0 done, 2 bad options or data, 3 files written but
 * not registered, 1 files not written.
 *
 * <pre>./fraud train --file=training.csv [--alias=challenger] [--no-register] ...</pre>
 */
public final class TrainCommand {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_INPUT = 2;
  static final int NOT_REGISTERED = 3;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private TrainCommand() {}

  public static void main(String[] args) {
    QuietLogs.apply();
    System.exit(run(args, System.out));
  }

  public static int run(String[] args, PrintStream out) {
    return run(args, out, Clock.systemUTC());
  }

  static int run(String[] args, PrintStream out, Clock clock) {
    TrainOptions options;
    try {
      CommandLine line = CommandLine.parse(args, TrainOptions.NAMES);
      if (line.flag("help")) {
        out.println(TrainOptions.USAGE);
        return OK;
      }
      options = TrainOptions.from(line);
    } catch (IllegalArgumentException e) {
      out.println("train: " + e.getMessage() + "\n" + TrainOptions.USAGE);
      return BAD_INPUT;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS); // the file name's precision
    TrainingResult result;
    TrainedFiles files;
    try {
      result = train(options, now, out);
      files = TrainedFiles.write(result, options.outputDir(), options.name() + "-" + STAMP.format(now));
    } catch (NoSuchFileException e) {
      out.println("train: no such file " + e.getFile());
      return BAD_INPUT;
    } catch (IllegalArgumentException e) {
      out.println("train: " + options.file() + ": " + e.getMessage());
      return BAD_INPUT;
    } catch (IOException e) {
      out.println("train: " + e);
      return FAILED;
    }
    out.println(TrainSummary.describe(result, files));
    if (options.registry() == null) {
      out.println("[train] not registered (--no-register)");
      return OK;
    }
    return Registration.register(options, result, files, out);
  }

  private static TrainingResult train(TrainOptions options, Instant now, PrintStream out) throws IOException {
    long begin = System.nanoTime();
    TrainingCsv.Rows rows;
    try (Reader in = Files.newBufferedReader(options.file(), StandardCharsets.UTF_8)) {
      rows = TrainingCsv.read(in);
    }
    requireServableFeatures(List.of(rows.dataset().featureNames()));
    out.printf(
        "[train] read %,d payments (%,d fraud, %d features) from %s in %.1f s%n",
        rows.dataset().size(),
        Arrays.stream(rows.dataset().labels()).sum(),
        rows.dataset().featureCount(),
        options.file(),
        (System.nanoTime() - begin) / 1e9);
    TrainingRequest request =
        new TrainingRequest(
            options.name(), STAMP.format(now), now, options.params(), options.split(), options.threshold(),
            SourceFile.of(options.file()));
    return TrainingRun.run(rows, request);
  }

  /** The workers compute only the catalogue's features: a model needing another could never score. */
  private static void requireServableFeatures(List<String> columns) {
    FeatureCatalogue catalogue = FeatureCatalogue.current();
    List<String> unknown = columns.stream().filter(name -> catalogue.indexOf(name) < 0).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "feature columns " + unknown + " are not in the feature catalogue (version " + catalogue.version()
              + "), so the workers could not serve a model using them. Known features: " + catalogue.names());
    }
  }
}
