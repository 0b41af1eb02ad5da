package io.fraudops.cli.training;

import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.registry.ModelVersion;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.training.TrainingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;

/**
 * The last step of {@code ./fraud train}: the written model becomes the next version in the registry, with
 * its metrics and sidecar (params, drift reference), and the alias moves to it if one was asked for.
 */
final class Registration {

  private Registration() {}

  /** @return 0, or {@link TrainCommand#NOT_REGISTERED} with the reason printed */
  static int register(TrainOptions options, TrainingResult result, TrainedFiles files, PrintWriter out) {
    RegistryTarget target = options.registry();
    ModelRegistry registry;
    ModelVersion version;
    try {
      registry = target.open();
      byte[] model = Files.readAllBytes(files.model());
      version =
          registry.register(options.name(), model, ModelFormat.JSON, result.metadata(), result.metadata().metrics());
    } catch (IOException | RuntimeException e) {
      return refused("[train] NOT registered: ", e, target, out);
    }
    out.printf("[train] registered %s version %d in %s%n", options.name(), version.version(), target.describe());
    if (options.alias() == null) {
      return 0;
    }
    try {
      registry.setAlias(options.name(), options.alias(), version.version());
    } catch (RuntimeException e) {
      return refused("[train] alias " + options.alias() + " NOT moved: ", e, target, out);
    }
    out.printf("[train] %s@%s -> version %d%n", options.name(), options.alias(), version.version());
    return 0;
  }

  private static int refused(String what, Exception e, RegistryTarget target, PrintWriter out) {
    out.println(what + e.getMessage());
    if (RegistryTarget.unreachable(e)) {
      out.println(
          "[train] no registry answers at " + target.address() + ". The files above are kept. To register,"
              + " start the application with its registry (./fraud serve --fraud.model.registry.enabled=true"
              + " listens on " + RegistryOptions.LOCAL_ENDPOINT + "), point --fraud.model.registry.endpoint"
              + (target.mlflowUrl() == null ? "" : " or --fraud.model.registry.mlflow-url")
              + " at yours, or pass --no-register.");
    }
    return TrainCommand.NOT_REGISTERED;
  }
}
