package io.fraudops.cli.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.cli.RunFraud;
import io.fraudops.cli.training.DemoModelTrainer;
import io.fraudops.cli.training.DemoTrainingOptions;
import io.fraudops.feature.training.TrainingSet;
import io.fraudops.model.drift.ReferenceBuilder;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.ModelExport;
import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.TrainedModel;
import io.fraudops.model.training.TrainingParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift command on export files from the synthetic history: even rows train a small model, odd
 * rows are the "recent" payments, so only what a test shifts on purpose drifts.
 */
class DriftCommandTest {

  @TempDir static Path dir;
  private static Path withReference;
  private static Path withoutReference;

  private String output;

  @BeforeAll
  static void trainAModelAndWriteTheFiles() throws IOException {
    TrainingSet history =
        DemoModelTrainer.history(new DemoTrainingOptions(Path.of("unused"), 11, 400, 50, 12_000));
    ExportFiles files = new ExportFiles(history);
    Dataset training = files.dataset(0);
    TrainedModel model =
        ObliviousTreeTrainer.fit(training, new TrainingParams(20, 4, 0.3, 32, 3.0, 11));
    ModelMetadata plain =
        ModelExport.metadata(model, "drift-test", "1", Instant.EPOCH, training, null);
    double[] scores = new double[training.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = model.predictProbability(training.row(i));
    }
    ModelMetadata referenced =
        new ModelMetadata(
            plain.name(),
            plain.version(),
            plain.trainedAt(),
            plain.metrics(),
            plain.baselines(),
            plain.featureNames(),
            plain.params(),
            ReferenceBuilder.build(plain.featureNames(), training.rows(), scores));
    withReference = dir.resolve("with-reference.json");
    ModelExport.write(model, referenced, withReference);
    withoutReference = dir.resolve("without-reference.json");
    ModelExport.write(model, plain, withoutReference);

    files.write(dir.resolve("training.csv"), 0, List.of(), 1.0);
    files.write(dir.resolve("recent.csv"), 1, List.of(), 1.0);
    files.write(dir.resolve("shifted.csv"), 1, List.of(), 4.0);
    files.write(dir.resolve("no-night.csv"), 1, List.of("is_night", "first_time_device"), 1.0);
  }

  @Test
  void aShiftedAmountIsSignificantAndFailsTheCheck() {
    int exit =
        run(
            "--file=" + dir.resolve("shifted.csv"),
            "--model=" + withReference,
            "--fail-above=0.25");

    assertThat(exit).isEqualTo(DriftCommand.DRIFTED);
    assertThat(output).containsPattern("(?m)^amount +\\d+\\.\\d{4}  SIGNIFICANT$");
    assertThat(output).containsPattern("(?m)^hour_of_day +\\d+\\.\\d{4}  STABLE$");
    assertThat(output).contains("verdict: significant shift in amount (PSI ");
    assertThat(output).containsPattern("drift: PSI above 0.25 for amount\\b");
  }

  @Test
  void recentPaymentsLikeTheTrainingOnesPassTheCheck() {
    int exit =
        run("--file=" + dir.resolve("recent.csv"), "--model=" + withReference, "--fail-above=0.25");

    assertThat(exit).as(output).isEqualTo(DriftCommand.CHECKED);
    assertThat(output)
        .contains("drift of drift-test:1 over 6,000 observations")
        .contains("verdict: stable");
  }

  @Test
  void buildsTheReferenceFromATrainingFileForAModelWithoutOne() {
    int exit =
        run(
            "--file=" + dir.resolve("shifted.csv"),
            "--model=" + withoutReference,
            "--reference-file=" + dir.resolve("training.csv"),
            "--fail-above=0.25");

    assertThat(exit).isEqualTo(DriftCommand.DRIFTED);
    assertThat(output).containsPattern("(?m)^amount +\\d+\\.\\d{4}  SIGNIFICANT$");
  }

  @Test
  void aModelWithoutReferenceSaysHowToGetOne() {
    // A model exported from elsewhere, whose sidecar has no reference.
    int exit =
        run(
            "--file=" + dir.resolve("recent.csv"),
            "--model=classpath:models/amount-threshold-model.json");

    assertThat(exit).isEqualTo(DriftCommand.FAILED);
    assertThat(output)
        .contains("has no drift reference")
        .contains("./fraud train")
        .contains("--reference-file=training.csv");
  }

  @Test
  void checksOnlyThePeriodAskedFor() throws IOException {
    // The recent file's timestamps, as the export writes them: the check keeps those in [from,
    // until).
    List<Long> times =
        Files.readAllLines(dir.resolve("recent.csv")).stream()
            .skip(1)
            .map(line -> Long.parseLong(line.split(",")[line.split(",").length - 2]))
            .sorted()
            .toList();
    Instant from = Instant.ofEpochMilli(times.get(times.size() / 2));
    Instant until = Instant.ofEpochMilli(times.get(times.size() * 3 / 4));
    long kept =
        times.stream().filter(t -> t >= from.toEpochMilli() && t < until.toEpochMilli()).count();

    int exit =
        run(
            "--file=" + dir.resolve("recent.csv"),
            "--model=" + withReference,
            "--from=" + from,
            "--until=" + until);

    assertThat(exit).as(output).isEqualTo(DriftCommand.CHECKED);
    assertThat(kept).isBetween(1_000L, 2_000L);
    assertThat(output).contains(String.format("over %,d observations", kept));

    assertThat(
            run(
                "--file=" + dir.resolve("recent.csv"),
                "--model=" + withReference,
                "--from=2100-01-01T00:00:00Z"))
        .isEqualTo(DriftCommand.FAILED);
    assertThat(output).contains("has no payment from 2100-01-01T00:00:00Z (6000 rows in all)");
  }

  @Test
  void namesTheColumnsAFileLacks() {
    int exit = run("--file=" + dir.resolve("no-night.csv"), "--model=" + withReference);

    assertThat(exit).isEqualTo(DriftCommand.FAILED);
    assertThat(output)
        .contains("lacks columns the model drift-test:1 needs: [is_night, first_time_device]");
  }

  private int run(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "drift";
    System.arraycopy(args, 0, command, 1, args.length);
    RunFraud.Result result = RunFraud.run(command);
    output = result.all();
    return result.exit();
  }
}
