package io.fraudops.workers.scoring;

import io.fraudops.model.inference.InferenceConfig;
import io.fraudops.model.inference.InferenceConfigJson;
import io.fraudops.model.inference.InferenceConfigStore;
import io.fraudops.model.inference.InferenceConfigStore.Revision;
import io.fraudops.model.inference.InvalidInferenceConfigException;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.workers.scoring.ServingCandidate.CandidateRejected;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the inference configuration and the registry aliases it names, and hot-swaps the serving
 * set when either moves. Downloading and checking run on the poller's own thread, so scoring never
 * waits; a configuration or model that fails is reported once and the set served before keeps
 * serving.
 *
 * <p>Each poll goes through the {@code model-registry} circuit breaker: a registry that stops
 * answering is reported once when the breaker opens (not at every poll), polls are skipped while it
 * is open, and the model served before keeps serving; the registry client's own timeouts bound each
 * call.
 */
public final class ServingPoller implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServingPoller.class);

  private final ModelRegistry registry;
  private final InferenceConfigStore configs;
  private final ServingModel serving;
  private final RegistryProperties properties;
  private final String pinnedConfigVersion;
  private final ServingReports reports;
  private final PromotionGuard guard;
  private final io.micrometer.core.instrument.Counter guardRefusals;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "model-poller");
            thread.setDaemon(true);
            return thread;
          });
  private final CircuitBreaker breaker;

  /** What was last tried; only the poller's thread touches it. */
  private String lastAttempt;

  private volatile PollResult lastPoll = new PollResult(false, null, "not polled yet");

  /** How the last poll went: it read the registry and configuration, or why not. */
  public record PollResult(boolean ok, Instant at, String error) {}

  /**
   * @param configs null to serve {@code properties}' model and alias without a stored configuration
   * @param pinnedConfigVersion serve this object version of the configuration instead of the latest
   */
  public ServingPoller(
      ModelRegistry registry,
      InferenceConfigStore configs,
      ServingModel serving,
      RegistryProperties properties,
      String pinnedConfigVersion,
      MeterRegistry meters) {
    this(
        registry,
        configs,
        serving,
        properties,
        pinnedConfigVersion,
        meters,
        GuardProperties.OFF,
        CircuitBreaker.ofDefaults("model-registry"));
  }

  public ServingPoller(
      ModelRegistry registry,
      InferenceConfigStore configs,
      ServingModel serving,
      RegistryProperties properties,
      String pinnedConfigVersion,
      MeterRegistry meters,
      GuardProperties guard) {
    this(
        registry,
        configs,
        serving,
        properties,
        pinnedConfigVersion,
        meters,
        guard,
        CircuitBreaker.ofDefaults("model-registry"));
  }

  public ServingPoller(
      ModelRegistry registry,
      InferenceConfigStore configs,
      ServingModel serving,
      RegistryProperties properties,
      String pinnedConfigVersion,
      MeterRegistry meters,
      CircuitBreaker breaker) {
    this(
        registry,
        configs,
        serving,
        properties,
        pinnedConfigVersion,
        meters,
        GuardProperties.OFF,
        breaker);
  }

  /**
   * @param guard the promotion guard's bounds: a candidate that leaves them is refused, the live
   *     set keeps serving
   * @param breaker the registry's circuit breaker, whose state changes are reported elsewhere
   */
  public ServingPoller(
      ModelRegistry registry,
      InferenceConfigStore configs,
      ServingModel serving,
      RegistryProperties properties,
      String pinnedConfigVersion,
      MeterRegistry meters,
      GuardProperties guard,
      CircuitBreaker breaker) {
    this.guard = new PromotionGuard(guard);
    this.guardRefusals = meters.counter("fraud.promotion.guard.refusals");
    this.breaker = breaker;
    this.registry = registry;
    this.configs = configs;
    this.serving = serving;
    this.properties = properties;
    this.pinnedConfigVersion =
        pinnedConfigVersion == null || pinnedConfigVersion.isBlank() ? null : pinnedConfigVersion;
    this.reports = new ServingReports(serving, meters);
  }

  public void start() {
    Duration interval = properties.pollInterval();
    log.info(
        "Following {} every {}",
        configs != null
            ? "inference config " + configs
            : properties.modelName() + "@" + properties.alias(),
        interval);
    executor.scheduleWithFixedDelay(
        this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What is served and the last thing rejected, for people. */
  public ServingStatus status() {
    return reports.status();
  }

  /** How the last poll went, for the health component. */
  public PollResult lastPoll() {
    return lastPoll;
  }

  // An exception escaping a scheduled task would cancel every later poll.
  private void pollSafely() {
    if (!breaker.tryAcquirePermission()) {
      return;
    }
    long start = System.nanoTime();
    try {
      poll();
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      lastPoll = new PollResult(true, Instant.now(), null);
    } catch (RuntimeException e) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      lastPoll = new PollResult(false, Instant.now(), e.toString());
      // Reported once by the breaker's outage log; a line per poll would bury it.
      log.debug(
          "Cannot read the model registry or inference config, still serving {}: {}",
          serving.describe(),
          e.toString());
    }
  }

  /** One look at the configuration and the registry; swaps when what they name has changed. */
  void poll() {
    ServingSet current = serving.current();
    Candidate next = nextConfig(current);
    ServingCandidate candidate;
    try {
      candidate = ServingCandidate.resolve(next.config, next.version, registry);
    } catch (CandidateRejected e) {
      reject(next, current, e.getMessage());
      return;
    }
    if (candidate.key().equals(lastAttempt)) {
      return;
    }
    lastAttempt = candidate.key();
    try {
      ServingSet built = candidate.build(current, serving, registry);
      Optional<String> refusal = guard.refusal(built, current, serving.recentFeatures());
      if (refusal.isPresent()) {
        // The new models never served: close them; the live set goes on.
        built.droppedBy(current).forEach(LoadedModel::retire);
        guardRefusals.increment();
        reject(next, current, refusal.get());
        return;
      }
      serving.install(built);
      reports.swapped(next.version);
    } catch (CandidateRejected e) {
      if (e.retry) {
        lastAttempt = null;
        log.warn("{}; will retry, still serving {}", e.getMessage(), serving.describe());
        return;
      }
      Optional<ServingSet> fallback =
          current.decision == null
              ? candidate.fallback(current, serving, registry)
              : Optional.empty();
      if (fallback.isPresent()) {
        serving.install(fallback.get());
        reports.servingFallback(next.version, e.getMessage());
        return;
      }
      reject(next, current, e.getMessage());
    }
  }

  private record Candidate(InferenceConfig config, String version) {}

  /**
   * The configuration to serve: the stored one if it reads, else the live one, else the default.
   */
  private Candidate nextConfig(ServingSet current) {
    Candidate live =
        current.config != null
            ? new Candidate(current.config, current.configVersion)
            : new Candidate(
                InferenceConfig.single(
                    properties.modelName(), properties.alias(), serving.defaultThresholds()),
                "default");
    if (configs == null) {
      return live;
    }
    Optional<Revision> stored =
        pinnedConfigVersion != null ? configs.revision(pinnedConfigVersion) : configs.latest();
    if (stored.isEmpty()) {
      if (pinnedConfigVersion != null) {
        reports.configRejected(
            pinnedConfigVersion,
            "pinned inference config version " + pinnedConfigVersion + " does not exist");
      }
      return live;
    }
    Revision revision = stored.get();
    if (revision.versionId().equals(current.configVersion)
        || reports.refused(revision.versionId())) {
      return live;
    }
    try {
      InferenceConfig config =
          InferenceConfigJson.read(revision.json(), configs + "?versionId=" + revision.versionId());
      List<String> unknown = config.unknownFeatures(new HashSet<>(serving.catalogue().names()));
      if (!unknown.isEmpty()) {
        throw new InvalidInferenceConfigException(revision.versionId(), unknown);
      }
      return new Candidate(config, revision.versionId());
    } catch (InvalidInferenceConfigException e) {
      reports.configRejected(revision.versionId(), e.getMessage());
      return live;
    }
  }

  private void reject(Candidate candidate, ServingSet current, String why) {
    boolean newConfig =
        !candidate.version.equals(current.configVersion) && !"default".equals(candidate.version);
    if (newConfig) {
      reports.configRejected(
          candidate.version, "inference config " + candidate.version + " rejected: " + why);
    } else {
      reports.modelChangeRejected(why);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    // A download in progress must not swap a model in after the serving model has closed.
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("Model poller did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
