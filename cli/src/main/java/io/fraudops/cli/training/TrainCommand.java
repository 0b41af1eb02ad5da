package io.fraudops.cli.training;

import io.fraudops.cli.BadInputException;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.training.SourceFile;
import io.fraudops.model.training.SplitRule;
import io.fraudops.model.training.TrainingCsv;
import io.fraudops.model.training.TrainingParams;
import io.fraudops.model.training.TrainingRequest;
import io.fraudops.model.training.TrainingResult;
import io.fraudops.model.training.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Trains a model from a labelled transaction CSV (e.g. {@code ./fraud export-training-set}), splits
 * it by time, writes the model, its sidecar and an HTML report, then registers the model if a
 * registry is configured. Files come first so a registry outage never costs the training: exit code
 * 3 says the files are written but not registered, and {@code ./fraud register} registers them
 * later.
 */
@Command(
    name = "train",
    header =
        "Trains a model on a labelled CSV, writes it with a report, registers it if told where.",
    description = {
      "Trains a model on a labelled transaction CSV (e.g. from export-training-set): splits it by time, fits"
          + " gradient-boosted oblivious trees on the earlier period, evaluates on the later one, and writes the"
          + " model (CatBoost JSON), its sidecar and an HTML report into --output-dir.",
      "The split: by default the earliest --train-share of the payments train and the rest evaluate; with"
          + " --split-at=<instant> the payments before that instant train and the rest evaluate. Payments at"
          + " one instant never straddle the cut, and both periods must hold fraud and legitimate payments.",
      "It registers the model as the next version of --name only when a registry is configured"
          + " (--fraud.model.registry.endpoint or --fraud.model.registry.mlflow-url, or their environment"
          + " variables); otherwise it says where the files are and how to register them with ./fraud register.",
      "The file: feature columns (names from the feature catalogue), then label (0/1) and timestamp (epoch millis"
          + " or ISO-8601), optionally transactionId; empty cell = missing value."
    },
    exitCodeList = {
      "0:trained and written; registered when a registry is configured",
      "2:bad options or data (no file written)",
      "3:files written, but not registered (registry unreachable or refusing)"
    })
public final class TrainCommand implements Callable<Integer> {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @Option(
      names = "--file",
      required = true,
      paramLabel = "<csv>",
      description = "The labelled transactions.")
  Path file;

  @Option(
      names = "--name",
      paramLabel = "<name>",
      description =
          "The model's name in the registry and in the written files' names. Default: the file's"
              + " name without its extension (training.csv: training).")
  String name;

  @Option(
      names = "--train-share",
      paramLabel = "<share>",
      defaultValue = "0.8",
      description = "Share of the payments, earliest first, to train on; the rest evaluates.")
  double trainShare;

  @Option(
      names = "--split-at",
      paramLabel = "<instant>",
      description =
          "Instead of --train-share: an ISO-8601 instant, e.g. 2025-03-01T00:00:00Z; the payments"
              + " before it train, those from it on evaluate.")
  Instant splitAt;

  @Option(names = "--iterations", paramLabel = "<n>", defaultValue = "300", description = "Trees.")
  int iterations;

  @Option(
      names = "--depth",
      paramLabel = "<n>",
      defaultValue = "6",
      description = "Depth of every tree (1.." + TrainingParams.MAX_DEPTH + ").")
  int depth;

  @Option(
      names = "--learning-rate",
      paramLabel = "<rate>",
      defaultValue = "0.1",
      description = "Shrinkage of every tree's leaves.")
  double learningRate;

  @Option(
      names = "--border-count",
      paramLabel = "<n>",
      defaultValue = "32",
      description = "Candidate splits per feature.")
  int borderCount;

  @Option(
      names = "--l2-leaf-reg",
      paramLabel = "<weight>",
      defaultValue = "3",
      description = "L2 regularisation of the leaf values.")
  double l2LeafReg;

  @Option(
      names = "--seed",
      paramLabel = "<n>",
      defaultValue = "42",
      description = "Seed of the sampling.")
  long seed;

  @Option(
      names = "--subsample",
      paramLabel = "<share>",
      defaultValue = "0.8",
      description = "Share of rows each tree sees.")
  double subsample;

  @Option(
      names = "--threshold",
      paramLabel = "<score>",
      defaultValue = "0.5",
      description =
          "Score from which the report counts a payment as flagged (confusion matrix, precision).")
  double threshold;

  @Option(
      names = "--output-dir",
      paramLabel = "<dir>",
      defaultValue = "models/trained",
      description = "Where the files go.")
  Path outputDir;

  @Option(
      names = "--alias",
      paramLabel = "<alias>",
      description =
          "Move this alias to the new version: champion serves it at once, challenger shadows."
              + " Needs a registry.")
  String alias;

  @Option(
      names = "--no-register",
      description =
          "Only write the files, even when a registry is configured (e.g. by the environment).")
  boolean noRegister;

  @Mixin RegistryOptions registry;
  @Spec CommandSpec spec;

  private final Clock clock;

  public TrainCommand() {
    this(Clock.systemUTC());
  }

  TrainCommand(Clock clock) {
    this.clock = clock;
  }

  /** The options, checked by {@link TrainOptions} and the records it holds. */
  TrainOptions options() {
    if (splitAt != null && spec.commandLine().getParseResult().hasMatchedOption("--train-share")) {
      throw new ParameterException(
          spec.commandLine(), "give --train-share or --split-at, not both");
    }
    try {
      TrainingParams params =
          new TrainingParams(
              iterations, depth, learningRate, borderCount, l2LeafReg, seed, subsample);
      SplitRule split =
          splitAt != null ? new SplitRule.At(splitAt) : new SplitRule.Share(trainShare);
      RegistryTarget target = registry.configured().orElse(null);
      return new TrainOptions(
          file,
          ModelName.of(name, file),
          split,
          params,
          threshold,
          outputDir,
          noRegister ? null : target,
          alias);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws IOException {
    TrainOptions options = options();
    PrintWriter out = spec.commandLine().getOut();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS); // the file name's precision
    TrainingResult result;
    try {
      result = train(options, now, out);
    } catch (NoSuchFileException e) {
      throw new BadInputException("no such file " + e.getFile(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(options.file() + ": " + e.getMessage(), e);
    }
    TrainedFiles files =
        TrainedFiles.write(result, options.outputDir(), options.name() + "-" + STAMP.format(now));
    out.println(TrainSummary.describe(result, files));
    if (options.registry() == null) {
      out.println(
          "[train] not registered: " + (noRegister ? "--no-register" : "no registry configured"));
      out.println("[train] to register these files: " + registerLater(options, files, null));
      out.println(
          "[train]   (or --fraud.model.registry.mlflow-url=<url> for MLflow; a local serve or replay keeps its S3"
              + " store at "
              + RegistryOptions.LOCAL_ENDPOINT
              + ")");
      out.flush();
      return 0;
    }
    Registration registration =
        new Registration(
            options.name(),
            Files.readAllBytes(files.model()),
            ModelFormat.JSON,
            result.metadata(),
            Files.readAllBytes(files.report()),
            options.alias());
    if (registration.into(options.registry(), "train", out)) {
      out.flush();
      return 0;
    }
    out.println(
        "[train] the files above are kept; to register them: "
            + registerLater(options, files, options.registry()));
    out.flush();
    return Registration.NOT_REGISTERED;
  }

  /** The {@code ./fraud register} command line that registers what this run wrote. */
  private static String registerLater(
      TrainOptions options, TrainedFiles files, RegistryTarget target) {
    return "./fraud register --model="
        + files.model().toAbsolutePath()
        + " --report="
        + files.report().toAbsolutePath()
        + " --name="
        + options.name()
        + (options.alias() == null ? "" : " --alias=" + options.alias())
        + " "
        + (target == null ? "--fraud.model.registry.endpoint=<s3-url>" : target.asOptions());
  }

  private static TrainingResult train(TrainOptions options, Instant now, PrintWriter out)
      throws IOException {
    long begin = System.nanoTime();
    TrainingCsv.Rows rows;
    try (Reader in = Files.newBufferedReader(options.file(), StandardCharsets.UTF_8)) {
      rows = TrainingCsv.read(in);
    }
    ServableFeatures.require("feature columns", List.of(rows.dataset().featureNames()));
    out.printf(
        "[train] read %,d payments (%,d fraud, %d features) from %s in %.1f s%n",
        rows.dataset().size(),
        Arrays.stream(rows.dataset().labels()).sum(),
        rows.dataset().featureCount(),
        options.file(),
        (System.nanoTime() - begin) / 1e9);
    out.flush();
    TrainingRequest request =
        new TrainingRequest(
            options.name(),
            STAMP.format(now),
            now,
            options.params(),
            options.split(),
            options.threshold(),
            SourceFile.of(options.file()));
    return TrainingRun.run(rows, request);
  }
}
