package io.fraudops.cli.training;

import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.registry.ModelVersion;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelMetadata;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * The one way a model file goes into the registry, for {@code ./fraud train} and {@code ./fraud
 * register}: the next version of its name with its metrics and sidecar (params, baselines, drift
 * reference) and the training report when there is one, then the alias moves to it if one was asked
 * for.
 *
 * @param name the registered model
 * @param metadata the sidecar; its name must be {@code name}
 * @param report the HTML training report, or null
 * @param alias the alias to move to the new version, or null
 */
record Registration(
    String name,
    byte[] model,
    ModelFormat format,
    ModelMetadata metadata,
    byte[] report,
    String alias) {

  /**
   * Exit code of a command whose model was not registered: the registry is unreachable or refused
   * it.
   */
  static final int NOT_REGISTERED = 3;

  Registration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(metadata, "metadata");
  }

  /**
   * Registers, printing each step under {@code [tag]}.
   *
   * @return true when registered (and the alias moved); false with the reason printed
   */
  boolean into(RegistryTarget target, String tag, PrintWriter out) {
    ModelRegistry registry;
    ModelVersion version;
    try {
      registry = target.open();
      version = registry.register(name, model, format, metadata, metadata.metrics(), report);
    } catch (RuntimeException e) {
      return refused(
          "[" + tag + "] NOT registered in " + target.describe() + ": ", e, target, tag, out);
    }
    out.printf(
        "[%s] registered %s version %d in %s%n", tag, name, version.version(), target.describe());
    if (alias == null) {
      return true;
    }
    try {
      registry.setAlias(name, alias, version.version());
    } catch (RuntimeException e) {
      return refused("[" + tag + "] alias " + alias + " NOT moved: ", e, target, tag, out);
    }
    out.printf("[%s] %s@%s -> version %d%n", tag, name, alias, version.version());
    return true;
  }

  private static boolean refused(
      String what, Exception e, RegistryTarget target, String tag, PrintWriter out) {
    out.println(what + e.getMessage());
    if (RegistryTarget.unreachable(e)) {
      out.println(
          "["
              + tag
              + "] nothing answers at "
              + target.address()
              + ": is the registry running? (A local"
              + " ./fraud serve or replay keeps its store at "
              + RegistryOptions.LOCAL_ENDPOINT
              + ".)");
    }
    return false;
  }
}
