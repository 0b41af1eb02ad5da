package io.fraudops.cli.training;

import io.fraudops.model.registry.RegistryNames;
import java.nio.file.Path;

/**
 * The name a model is registered under when the command line gives none: its file's name without
 * the extension ({@code fraud-2025.csv} trains {@code fraud-2025}). Never a fixed default, so
 * nobody's data becomes a version of somebody else's model by accident.
 */
final class ModelName {

  private ModelName() {}

  /**
   * @param given {@code --name}, or null
   * @throws IllegalArgumentException when the name given, or the file's, is not a registry name
   */
  static String of(String given, Path file) {
    if (given != null) {
      return RegistryNames.requireModelName(given);
    }
    String stem = stem(file);
    try {
      return RegistryNames.requireModelName(stem);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "give --name: the file name '"
              + stem
              + "' is not a model name (letters, digits, '.', '_', '-', starting"
              + " with a letter or digit)",
          e);
    }
  }

  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
