package io.fraudops.cli.training;

import io.fraudops.model.registry.RegistryNames;
import io.fraudops.model.training.SplitRule;
import io.fraudops.model.training.TrainingParams;
import io.fraudops.cli.backfill.CommandLine;
import io.fraudops.local.LocalRuntime;
import io.fraudops.workers.scoring.RegistryProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;

/**
 * Options of {@code ./fraud train}.
 *
 * @param registry where to register, or null with {@code --no-register}
 * @param alias the alias to move to the new version, or null
 */
record TrainOptions(
    Path file,
    String name,
    SplitRule split,
    TrainingParams params,
    double threshold,
    Path outputDir,
    RegistryTarget registry,
    String alias) {

  static final Set<String> NAMES =
      Set.of(
          "file", "name", "train-share", "split-at", "iterations", "depth", "learning-rate", "border-count",
          "l2-leaf-reg", "seed", "subsample", "threshold", "output-dir", "registry-endpoint", "access-key",
          "secret-key", "bucket", "prefix", "mlflow-url", "mlflow-token", "alias", "no-register", "help");

  static final String USAGE =
      """
      ./fraud train --file=training.csv [--name=demo-fraud-model]
          [--train-share=0.8 | --split-at=2025-03-01T00:00:00Z] [--threshold=0.5] [--output-dir=models/trained]
          [--iterations=300 --depth=6 --learning-rate=0.1 --border-count=32 --l2-leaf-reg=3 --seed=42 --subsample=0.8]
          [--registry-endpoint=http://127.0.0.1:9190 --access-key=... --secret-key=... --bucket=models --prefix=]
          [--mlflow-url=http://mlflow:5000 [--mlflow-token=...]] [--alias=challenger] [--no-register]
      The file: feature columns (names from the feature catalogue), then label (0/1) and timestamp
      (epoch millis or ISO-8601), optionally transactionId; empty cell = missing value.""";

  TrainOptions {
    Objects.requireNonNull(file, "file");
    RegistryNames.requireModelName(name);
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(outputDir, "outputDir");
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--threshold must be in [0, 1], was " + threshold);
    }
    if (alias != null) {
      RegistryNames.requireAlias(alias);
      if (registry == null) {
        throw new IllegalArgumentException("--alias needs a registry: drop --no-register");
      }
    }
  }

  /** @throws IllegalArgumentException naming the option at fault */
  static TrainOptions from(CommandLine line) {
    if (line.has("train-share") && line.has("split-at")) {
      throw new IllegalArgumentException("give --train-share or --split-at, not both");
    }
    TrainingParams params =
        new TrainingParams(
            (int) number(line, "iterations", 300),
            (int) number(line, "depth", 6),
            number(line, "learning-rate", 0.1),
            (int) number(line, "border-count", 32),
            number(line, "l2-leaf-reg", 3.0),
            seed(line),
            number(line, "subsample", 0.8));
    return new TrainOptions(
        Path.of(line.required("file")),
        line.get("name", DemoModelFit.MODEL_NAME),
        split(line),
        params,
        number(line, "threshold", 0.5),
        Path.of(line.get("output-dir", "models/trained")),
        line.flag("no-register") ? null : registry(line),
        line.get("alias", null));
  }

  private static SplitRule split(CommandLine line) {
    if (!line.has("split-at")) {
      return new SplitRule.Share(number(line, "train-share", 0.8));
    }
    try {
      return new SplitRule.At(Instant.parse(line.get("split-at", null)));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--split-at must be an ISO-8601 instant like 2025-03-01T00:00:00Z");
    }
  }

  /** Whole-number options are refused when not whole, rather than silently truncated. */
  private static double number(CommandLine line, String name, double fallback) {
    String text = line.get(name, null);
    if (text == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(text.replace("_", ""));
      boolean whole = Set.of("iterations", "depth", "border-count").contains(name);
      if (whole && (value != Math.rint(value) || Math.abs(value) > Long.MAX_VALUE / 2)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, got '" + text + "'");
    }
  }

  /** Any long: a double would round seeds above 2^53. */
  private static long seed(CommandLine line) {
    String text = line.get("seed", "42");
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number, got '" + text + "'");
    }
  }

  private static RegistryTarget registry(CommandLine line) {
    return new RegistryTarget(
        line.get("registry-endpoint", ("http://127.0.0.1:" + LocalRuntime.LOCAL_S3_PORT)),
        line.get("access-key", LocalRuntime.LOCAL_S3_ACCESS_KEY),
        line.get("secret-key", LocalRuntime.LOCAL_S3_SECRET_KEY),
        line.get("bucket", RegistryProperties.DEFAULT_BUCKET),
        line.get("prefix", ""),
        line.has("mlflow-url") ? URI.create(line.get("mlflow-url", null)) : null,
        line.get("mlflow-token", null));
  }
}
