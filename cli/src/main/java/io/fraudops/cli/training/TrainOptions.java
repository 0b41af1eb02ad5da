package io.fraudops.cli.training;

import io.fraudops.model.registry.RegistryNames;
import io.fraudops.model.training.SplitRule;
import io.fraudops.model.training.TrainingParams;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Options of {@code ./fraud train}.
 *
 * @param name the registered model and the written files' name
 * @param registry where to register, or null: none configured, or {@code --no-register}
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
        throw new IllegalArgumentException(
            "--alias needs a registry: give "
                + RegistryOptions.HOW_TO_CONFIGURE
                + ", without --no-register");
      }
    }
  }
}
