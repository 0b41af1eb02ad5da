package io.fraudops.workers.scoring;

import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ResourceUtils;

/**
 * Registers a model file (with its sidecar) as the next version of the served model and moves the
 * alias to it: what a data scientist's promotion does. The workers' poller then swaps it in.
 */
public class ModelPromotion {

  private static final Logger log = LoggerFactory.getLogger(ModelPromotion.class);

  private final ModelRegistry registry;
  private final RegistryProperties properties;

  public ModelPromotion(ModelRegistry registry, RegistryProperties properties) {
    this.registry = registry;
    this.properties = properties;
  }

  /**
   * @return the new version, now at the configured alias
   */
  public int registerAndPromote(String location) {
    String name = properties.modelName();
    ModelMetadata sidecar =
        ModelMetadata.read(read(location + ModelMetadata.SIDECAR_SUFFIX), location);
    // The registry numbers versions under its own name; the file's name and version stay in the
    // log.
    ModelMetadata renamed = sidecar.withName(name);
    int version =
        registry
            .register(
                name,
                read(location),
                ModelFormat.fromFileName(location),
                renamed,
                sidecar.metrics())
            .version();
    registry.setAlias(name, properties.alias(), version);
    log.info(
        "Registered {} ({} {}) as {} version {}@{}",
        location,
        sidecar.name(),
        sidecar.version(),
        name,
        version,
        properties.alias());
    return version;
  }

  private static byte[] read(String location) {
    try (InputStream in = ResourceUtils.getURL(location).openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + location, e);
    }
  }
}
