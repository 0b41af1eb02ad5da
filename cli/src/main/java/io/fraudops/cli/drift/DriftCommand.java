package io.fraudops.cli.drift;

import io.fraudops.cli.BadInputException;
import io.fraudops.model.drift.DriftMeasure;
import io.fraudops.model.drift.DriftReference;
import io.fraudops.model.drift.DriftSnapshot;
import io.fraudops.model.drift.DriftTable;
import io.fraudops.model.drift.DriftWindow;
import io.fraudops.model.drift.ReferenceBuilder;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Offline drift check of a batch of recent payments: scores every row with the model and compares
 * each feature and the score with the model's training population (its sidecar's drift reference,
 * or one built from the training file). Exit code 1 when a PSI is above {@code --fail-above}, for a
 * cron job; 2 when it could not check (bad options, a file or model it cannot use).
 */
@Command(
    name = "drift",
    header = "Checks recent payments for drift from the model's training population.",
    description = {
      "Checks a batch of recent payments for drift: scores every row with the model and prints the population"
          + " stability index (PSI) of each feature and of the score against the model's training population.",
      "Files in the export-training-set format. PSI below 0.1 reads stable, 0.1-0.25 moderate, above 0.25"
          + " significant."
    },
    exitCodeList = {
      "1:a PSI above --fail-above (or a failure while running)",
      "2:could not check: bad options, or a file or model it cannot use"
    })
public final class DriftCommand implements Callable<Integer> {

  static final String DEFAULT_MODEL = "classpath:models/demo-fraud-model.json";
  static final int CHECKED = 0;
  static final int DRIFTED = 1;
  static final int FAILED = 2;

  @Option(
      names = "--file",
      required = true,
      paramLabel = "<csv>",
      description = "The recent payments.")
  Path file;

  @Option(
      names = "--from",
      paramLabel = "<instant>",
      description =
          "Only the file's payments from this ISO-8601 instant on (by its timestamp column), e.g. the"
              + " period after the model's training one in a whole-history export.")
  Instant from;

  @Option(
      names = "--until",
      paramLabel = "<instant>",
      description = "Only the file's payments before this instant.")
  Instant until;

  @Option(
      names = "--model",
      paramLabel = "<location>",
      defaultValue = DEFAULT_MODEL,
      description = "The model: a path, or classpath:...")
  String model;

  @Option(
      names = "--reference-file",
      paramLabel = "<csv>",
      description =
          "The file the model was trained on, for a model whose sidecar has no drift reference.")
  Path referenceFile;

  @Option(
      names = "--fail-above",
      paramLabel = "<psi>",
      description = "Exit 1 when a PSI is above this, e.g. 0.25. Default: never.")
  Double failAbove;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (failAbove != null && !(failAbove >= 0)) {
      throw new ParameterException(
          spec.commandLine(), "--fail-above must be a PSI >= 0, e.g. 0.25");
    }
    if (from != null && until != null && !from.isBefore(until)) {
      throw new ParameterException(spec.commandLine(), "--from must be before --until");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (ModelArtifact artifact = ModelArtifact.load(model)) {
      DriftSnapshot snapshot =
          check(
              artifact, ModelRows.score(file, artifact.model(), from, until), reference(artifact));
      out.print(DriftTable.format(snapshot));
      out.println(DriftTable.verdict(snapshot));
      List<DriftMeasure> above = failAbove == null ? List.of() : snapshot.above(failAbove);
      if (!above.isEmpty()) {
        out.printf(
            Locale.ROOT,
            "drift: PSI above %s for %s%n",
            failAbove,
            above.stream().map(DriftMeasure::name).collect(Collectors.joining(", ")));
      }
      out.flush();
      return above.isEmpty() ? CHECKED : DRIFTED;
    } catch (IllegalArgumentException | ModelLoadException | IOException e) {
      // A file or model this check cannot use: what to fix, not a failure of the check.
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /** Every recent row through a window as large as their number. */
  private static DriftSnapshot check(
      ModelArtifact artifact, ModelRows recent, DriftReference reference) {
    String model = artifact.info().name() + ":" + artifact.info().version();
    DriftWindow window =
        new DriftWindow(model, reference, artifact.info().featureNames(), recent.size());
    for (int i = 0; i < recent.size(); i++) {
      window.record(recent.rows()[i], recent.scores()[i]);
    }
    return window.snapshot();
  }

  private DriftReference reference(ModelArtifact artifact) throws IOException {
    if (referenceFile != null) {
      // The model scores the training rows too: a sidecar reference holds the training scores as
      // well.
      ModelRows training = ModelRows.score(referenceFile, artifact.model());
      return ReferenceBuilder.build(
          artifact.info().featureNames(), training.rows(), training.scores());
    }
    DriftReference reference = artifact.metadata().driftReference();
    if (reference == null) {
      throw new IllegalArgumentException(
          "model "
              + artifact.info().name()
              + ":"
              + artifact.info().version()
              + " ("
              + model
              + ") has no drift"
              + " reference in its sidecar. Retrain it with ./fraud train (its sidecar then carries one)"
              + ", or pass --reference-file=training.csv, the export the model was"
              + " trained on (./fraud export-training-set)");
    }
    return reference;
  }
}
