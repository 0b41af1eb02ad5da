package io.fraudops.cli.drift;

import io.fraudops.model.drift.DriftMeasure;
import io.fraudops.model.drift.DriftReference;
import io.fraudops.model.drift.DriftSnapshot;
import io.fraudops.model.drift.DriftTable;
import io.fraudops.model.drift.DriftWindow;
import io.fraudops.model.drift.ReferenceBuilder;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelLoadException;
import io.fraudops.cli.backfill.CommandLine;
import io.fraudops.cli.backfill.QuietLogs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Offline drift check of a batch of recent payments: scores every row with the model and compares each
 * feature and the score with the model's training population (its sidecar's drift reference, or one built
 * from the training file). Exit code 0 = checked, 1 = a PSI above {@code --fail-above} (for a cron job),
 * 2 = could not check.
 *
 * <pre>./fraud drift --file=recent.csv [--model=path|classpath:models/x.json]
 *     [--reference-file=training.csv] [--fail-above=0.25]</pre>
 */
public final class DriftCommand {

  static final String DEFAULT_MODEL = "classpath:models/demo-fraud-model.json";
  static final int CHECKED = 0;
  static final int DRIFTED = 1;
  static final int FAILED = 2;
  private static final Set<String> OPTIONS = Set.of("file", "model", "reference-file", "fail-above", "help");
  private static final String USAGE =
      "./fraud drift --file=recent.csv [--model=path|" + DEFAULT_MODEL + "] [--reference-file=training.csv]"
          + " [--fail-above=0.25]\n  files in the export-training-set format; exit 1 when a PSI is above"
          + " --fail-above, 2 on an error";

  private DriftCommand() {}

  public static void main(String[] args) {
    QuietLogs.apply();
    System.exit(run(args, System.out));
  }

  /** @return the exit code */
  public static int run(String[] args, PrintStream out) {
    try {
      CommandLine line = CommandLine.parse(args, OPTIONS);
      if (line.flag("help")) {
        out.println(USAGE);
        return CHECKED;
      }
      Path file = Path.of(line.required("file"));
      double failAbove = failAbove(line);
      String location = line.get("model", DEFAULT_MODEL);
      try (ModelArtifact artifact = ModelArtifact.load(location)) {
        DriftSnapshot snapshot = check(artifact, file, reference(artifact, location, line));
        out.print(DriftTable.format(snapshot));
        out.println(DriftTable.verdict(snapshot));
        List<DriftMeasure> above = Double.isNaN(failAbove) ? List.of() : snapshot.above(failAbove);
        if (above.isEmpty()) {
          return CHECKED;
        }
        out.printf(Locale.ROOT, "drift: PSI above %s for %s%n", failAbove,
            above.stream().map(DriftMeasure::name).collect(Collectors.joining(", ")));
        return DRIFTED;
      }
    } catch (IllegalArgumentException | ModelLoadException | IOException e) {
      out.println("drift: " + e.getMessage());
      out.println("usage: " + USAGE);
      return FAILED;
    }
  }

  /** Every row of {@code file} through a window as large as the file. */
  private static DriftSnapshot check(ModelArtifact artifact, Path file, DriftReference reference)
      throws IOException {
    ModelRows recent = ModelRows.score(file, artifact.model());
    String model = artifact.info().name() + ":" + artifact.info().version();
    DriftWindow window = new DriftWindow(model, reference, artifact.info().featureNames(), recent.size());
    for (int i = 0; i < recent.size(); i++) {
      window.record(recent.rows()[i], recent.scores()[i]);
    }
    return window.snapshot();
  }

  private static DriftReference reference(ModelArtifact artifact, String location, CommandLine line)
      throws IOException {
    if (line.has("reference-file")) {
      // The model scores the training rows too: a sidecar reference holds the training scores as well.
      ModelRows training = ModelRows.score(Path.of(line.required("reference-file")), artifact.model());
      return ReferenceBuilder.build(artifact.info().featureNames(), training.rows(), training.scores());
    }
    DriftReference reference = artifact.metadata().driftReference();
    if (reference == null) {
      throw new IllegalArgumentException(
          "model " + artifact.info().name() + ":" + artifact.info().version() + " (" + location + ") has no drift"
              + " reference in its sidecar. Retrain it with ./fraud train (its sidecar then carries one)"
              + ", or pass --reference-file=training.csv, the export the model was"
              + " trained on (./fraud export-training-set)");
    }
    return reference;
  }

  private static double failAbove(CommandLine line) {
    if (!line.has("fail-above")) {
      return Double.NaN;
    }
    double value = line.decimal("fail-above", Double.NaN);
    if (!(value >= 0)) {
      throw new IllegalArgumentException("--fail-above must be a PSI >= 0, e.g. 0.25");
    }
    return value;
  }
}
