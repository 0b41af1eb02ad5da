package io.fraudops.cli.training;

import io.fraudops.cli.BadInputException;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.model.registry.RegistryNames;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelLoadException;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.model.scoring.TreeContributionExplainer;
import io.fraudops.model.training.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Registers a CatBoost model that already exists as a file, written by Python CatBoost ({@code
 * save_model}) or by {@code ./fraud train}, through the same registration as {@code train}.
 * Everything a worker would refuse is refused here first, with exit code 2 and nothing registered:
 * a file catboost4j cannot load, a model that does not name its features, or one whose features the
 * catalogue lacks.
 */
@Command(
    name = "register",
    header = "Registers an existing CatBoost model file (.cbm or .json) in the model registry.",
    description = {
      "Registers a CatBoost binary classifier saved by Python CatBoost (save_model, .cbm or format=\"json\") or"
          + " written by ./fraud train as the next version of --name, in the registry the"
          + " --fraud.model.registry.* options (or their environment variables) name. The model is loaded and"
          + " checked first: its features must be named, and be the feature catalogue's.",
      "A sidecar <model>.meta.json beside the file (as train and data-science/train_catboost.py write it) is"
          + " kept: name, metrics, params, baselines, drift reference. --reference=<csv>, a sample of the"
          + " training population in the training-set schema (export-training-set), gives the baselines (feature"
          + " medians) and the drift reference instead.",
      "Reason codes: a .json model explains its scores by its trees and needs no baselines; a .cbm by ablation,"
          + " against the baselines, or against a missing value for a feature without one."
    },
    exitCodeList = {
      "0:registered (and the alias moved)",
      "2:bad options, or a model or reference file that cannot be served (nothing registered)",
      "3:not registered: the registry is unreachable or refused it"
    })
public final class RegisterCommand implements Callable<Integer> {

  @Option(
      names = "--model",
      required = true,
      paramLabel = "<file>",
      description = "The model file: .cbm (CatBoost binary) or .json (CatBoost JSON).")
  Path model;

  @Option(
      names = "--name",
      paramLabel = "<name>",
      description =
          "The registered model. Default: the sidecar's name, else the file's name without its"
              + " extension.")
  String name;

  @Option(
      names = "--alias",
      paramLabel = "<alias>",
      description =
          "Move this alias to the new version: champion serves it at once, challenger shadows.")
  String alias;

  @Option(
      names = "--reference",
      paramLabel = "<csv>",
      description =
          "A sample of the training population (training-set schema: the model's feature columns,"
              + " label, timestamp) for the baselines and the drift reference.")
  Path reference;

  @Option(
      names = "--report",
      paramLabel = "<html>",
      description = "An HTML training report (./fraud train writes one) to keep with the version.")
  Path report;

  @Mixin RegistryOptions registry;
  @Spec CommandSpec spec;

  /** The options, checked by {@link RegisterOptions} and {@link RegistryTarget}. */
  RegisterOptions options() {
    try {
      return new RegisterOptions(
          model, name, alias, reference, report, registry.configured().orElse(null));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws IOException {
    RegisterOptions options = options();
    PrintWriter out = spec.commandLine().getOut();
    Registration registration = prepare(options, out);
    out.flush();
    boolean registered = registration.into(options.registry(), "register", out);
    out.flush();
    return registered ? 0 : Registration.NOT_REGISTERED;
  }

  /** Reads and checks everything before the registry is touched. */
  private static Registration prepare(RegisterOptions options, PrintWriter out) throws IOException {
    Path file = options.model();
    ModelFormat format;
    byte[] bytes;
    try {
      format = ModelFormat.fromFileName(file.getFileName().toString());
      bytes = Files.readAllBytes(file);
    } catch (ModelLoadException e) {
      throw new BadInputException(e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new BadInputException("no such model file " + file.toAbsolutePath(), e);
    }
    SourceFile identity = SourceFile.of(file);
    Path sidecarFile = Path.of(file + ModelMetadata.SIDECAR_SUFFIX);
    ModelMetadata sidecar = null;
    if (Files.isRegularFile(sidecarFile)) {
      try {
        sidecar = ModelMetadata.read(Files.readAllBytes(sidecarFile), sidecarFile.toString());
      } catch (ModelLoadException e) {
        throw new BadInputException(e.getMessage(), e);
      }
    }
    String modelName = name(options, sidecar, file);
    ModelMetadata base =
        sidecar != null
            ? sidecar.withName(modelName)
            // No sidecar: the model names its features; the registry numbers the version.
            : new ModelMetadata(
                modelName, identity.sha256().substring(0, 12), null, Map.of(), Map.of(), List.of());
    ModelMetadata metadata;
    ReferenceSample sample = null;
    try (ModelArtifact loaded = ModelArtifact.load(bytes, format, base, file.toString())) {
      List<String> features = loaded.info().featureNames();
      ServableFeatures.require("the model's features", features);
      if (options.reference() != null) {
        sample = ReferenceSample.of(options.reference(), loaded.model());
      }
      metadata = completed(base, features, sample, identity);
    } catch (ModelLoadException e) {
      throw new BadInputException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
    byte[] html = null;
    if (options.report() != null) {
      try {
        html = Files.readAllBytes(options.report());
      } catch (NoSuchFileException e) {
        throw new BadInputException("no such report " + options.report().toAbsolutePath(), e);
      }
    }
    try (ModelArtifact served = ModelArtifact.load(bytes, format, metadata, file.toString())) {
      describe(served, sidecar == null ? null : sidecarFile, sample, options, out);
    }
    return new Registration(modelName, bytes, format, metadata, html, options.alias());
  }

  /** {@code --name}, else the sidecar's, else the file's name without its extension. */
  private static String name(RegisterOptions options, ModelMetadata sidecar, Path file) {
    if (options.name() != null) {
      return options.name();
    }
    if (sidecar != null) {
      try {
        return RegistryNames.requireModelName(sidecar.name());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(
            "give --name: the sidecar's name '" + sidecar.name() + "' is not a model name", e);
      }
    }
    try {
      return ModelName.of(null, file);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /**
   * The sidecar to register: the model's own feature names (so a later load checks them), the
   * reference's baselines and drift reference when one was given, and where the files came from.
   */
  private static ModelMetadata completed(
      ModelMetadata base, List<String> features, ReferenceSample sample, SourceFile model) {
    Map<String, String> params = new LinkedHashMap<>(base.params());
    params.put("registered_file", model.name());
    params.put("registered_sha256", model.sha256());
    if (sample != null) {
      params.put("reference_file", sample.source().name());
      params.put("reference_sha256", sample.source().sha256());
      params.put("reference_rows", Integer.toString(sample.rows()));
    }
    return new ModelMetadata(
        base.name(),
        base.version(),
        base.trainedAt(),
        base.metrics(),
        sample != null ? sample.baselines() : base.baselines(),
        features,
        params,
        sample != null ? sample.driftReference() : base.driftReference());
  }

  /**
   * What will serve: the user learns here, not from a worker's log, that reasons or drift will be
   * thin.
   */
  private static void describe(
      ModelArtifact served,
      Path sidecar,
      ReferenceSample sample,
      RegisterOptions options,
      PrintWriter out) {
    List<String> features = served.info().featureNames();
    out.printf(
        "[register] %s: CatBoost %s, %d features, all in the feature catalogue (version %s)%n",
        options.model(),
        served.info().format(),
        features.size(),
        FeatureCatalogue.current().version());
    out.println(
        "[register] sidecar: "
            + (sidecar == null
                ? "none beside the model"
                : sidecar
                    + " ("
                    + served.metadata().metrics().size()
                    + " metrics, "
                    + served.metadata().params().size()
                    + " params)"));
    if (sample != null) {
      out.printf(
          "[register] reference %s: %,d rows: baselines for %d features, drift reference of %d features and the"
              + " score%n",
          options.reference(), sample.rows(), sample.baselines().size(), features.size());
    }
    long withoutBaseline = Arrays.stream(served.baselines()).filter(Double::isNaN).count();
    if (served.explainer() instanceof TreeContributionExplainer) {
      out.println(
          "[register] reason codes: from the model's trees (decision paths); no baselines needed");
    } else if (withoutBaseline == 0) {
      out.println(
          "[register] reason codes: ablation, each feature set to its baseline (training median)");
    } else {
      out.println(
          "[register] reason codes: ablation; "
              + withoutBaseline
              + " of "
              + features.size()
              + " features have no"
              + " baseline and are compared with a missing value (--reference=<training sample> gives typical"
              + " values)");
    }
    if (served.metadata().driftReference() == null) {
      out.println(
          "[register] drift: no reference, so no drift figures for this model (--reference=<training sample>"
              + " gives one)");
    }
  }
}
