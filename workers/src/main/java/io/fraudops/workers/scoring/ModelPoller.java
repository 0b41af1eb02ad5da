package io.fraudops.workers.scoring;

import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.registry.ModelVersion;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelLoadException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a registry alias and hot-swaps the served model when it moves. Downloading and checking run
 * on the poller's own thread, so scoring never waits for the registry; a version that fails is
 * reported and skipped until the alias moves again, and the model served before keeps serving.
 */
public final class ModelPoller implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ModelPoller.class);

  private final ModelRegistry registry;
  private final ServingModel serving;
  private final String modelName;
  private final String alias;
  private final Duration interval;
  private final Counter swapped;
  private final Counter rejected;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "model-poller");
            thread.setDaemon(true);
            return thread;
          });
  /** The registry version last swapped in or rejected; only the poller's thread touches it. */
  private int tried;

  public ModelPoller(
      ModelRegistry registry, ServingModel serving, RegistryProperties properties, MeterRegistry meters) {
    this.registry = registry;
    this.serving = serving;
    this.modelName = properties.modelName();
    this.alias = properties.alias();
    this.interval = properties.pollInterval();
    this.swapped = Counter.builder("fraud.model.swaps").tag("result", "ok").register(meters);
    this.rejected = Counter.builder("fraud.model.swaps").tag("result", "rejected").register(meters);
  }

  public void start() {
    log.info("Following model {}@{} every {}", modelName, alias, interval);
    executor.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  // An exception escaping a scheduled task would cancel every later poll.
  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      log.warn("Cannot read {}@{} from the model registry, still serving {}: {}", modelName, alias, serving.describe(), e.toString());
    }
  }

  /** One look at the alias; swaps when it points at a version not tried yet. */
  void poll() {
    Optional<ModelVersion> target = registry.resolve(modelName, alias);
    if (target.isEmpty() || target.get().version() == tried) {
      return;
    }
    ModelVersion version = target.get();
    try {
      ModelArtifact artifact = registry.download(version);
      serving.swap(artifact, version.location());
      tried = version.version();
      swapped.increment();
    } catch (ModelLoadException e) {
      // Remembered so a broken champion is reported once, not on every poll; a transient registry
      // failure (ModelRegistryException) is not remembered and retried at the next poll.
      tried = version.version();
      rejected.increment();
      log.warn(
          "Rejected {} version {} ({}), still serving {}: {}",
          modelName, version.version(), alias, serving.describe(), e.getMessage());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    // A download in progress must not swap a model in after the serving model has closed.
    try {
      if (!executor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
        LoggerFactory.getLogger(ModelPoller.class).warn("Model poller did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
