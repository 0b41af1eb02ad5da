package io.fraudops.cli.training;

import io.fraudops.model.registry.RegistryNames;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Options of {@code ./fraud register}.
 *
 * @param name the registered model, or null to take the sidecar's name, else the file's
 * @param alias the alias to move to the new version, or null
 * @param reference a sample of the training population for baselines and the drift reference, or
 *     null
 * @param report an HTML training report to keep with the version, or null
 */
record RegisterOptions(
    Path model, String name, String alias, Path reference, Path report, RegistryTarget registry) {

  RegisterOptions {
    Objects.requireNonNull(model, "model");
    if (name != null) {
      RegistryNames.requireModelName(name);
    }
    if (alias != null) {
      RegistryNames.requireAlias(alias);
    }
    if (registry == null) {
      throw new IllegalArgumentException(
          "no registry to register in: give " + RegistryOptions.HOW_TO_CONFIGURE);
    }
  }
}
