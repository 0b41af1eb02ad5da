package io.fraudops.model.registry;

import io.fraudops.model.scoring.ModelMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tiny CatBoost fixture from test resources, renamed per test so tests share a bucket safely.
 */
final class RegistryFixtures {

  static final String ACCESS_KEY = "registry-test";
  static final String SECRET_KEY = "registry-test-secret";
  private static final AtomicInteger NAMES = new AtomicInteger();

  private RegistryFixtures() {}

  static String uniqueName() {
    return "fraud-" + NAMES.incrementAndGet() + "-" + System.nanoTime();
  }

  static byte[] tinyModel() {
    return resource("models/tiny-fraud.json");
  }

  static ModelMetadata tinyMetadata(String name) {
    ModelMetadata read =
        ModelMetadata.read(resource("models/tiny-fraud.json.meta.json"), "fixture");
    return new ModelMetadata(
        name,
        read.version(),
        read.trainedAt(),
        read.metrics(),
        read.baselines(),
        read.featureNames());
  }

  private static byte[] resource(String path) {
    try (InputStream in = RegistryFixtures.class.getClassLoader().getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
