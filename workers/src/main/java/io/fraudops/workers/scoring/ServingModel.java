package io.fraudops.workers.scoring;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.model.drift.DriftWindow;
import io.fraudops.model.inference.InferenceConfig;
import io.fraudops.model.inference.Thresholds;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelLoadException;
import io.fraudops.workers.drift.DriftSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the workers score with: a {@link ServingSet} (decision model, shadow models, thresholds)
 * that {@link #install} replaces as a whole while scoring goes on. A model that cannot be loaded,
 * or whose features the catalogue does not know, is not served: every payment then gets no score
 * and a reason, and the decision table sends it to review, never to an approval.
 */
@Component
public class ServingModel implements AutoCloseable, DriftSource {

  private static final Logger log = LoggerFactory.getLogger(ServingModel.class);

  private final AtomicReference<ServingSet> current = new AtomicReference<>();
  private final FeatureCatalogue catalogue;
  private final int topReasons;
  private final Thresholds defaults;
  private final ServingScorer scorer;
  // The last payments' features, for the promotion guard to compare a candidate on; written on the
  // hot
  // path as one reference store into a ring (no copy, no lock: a torn read only mixes payments).
  private final Map<?, ?>[] recent;
  private final java.util.concurrent.atomic.AtomicLong scored =
      new java.util.concurrent.atomic.AtomicLong();

  public ServingModel(
      ModelProperties properties, FeatureCatalogue catalogue, MeterRegistry meters) {
    this(properties, catalogue, meters, 2000);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public ServingModel(
      ModelProperties properties,
      FeatureCatalogue catalogue,
      MeterRegistry meters,
      GuardProperties guard) {
    this(properties, catalogue, meters, Math.max(1, guard.sampleSize()));
  }

  private ServingModel(
      ModelProperties properties,
      FeatureCatalogue catalogue,
      MeterRegistry meters,
      int recentSize) {
    this.recent = new Map<?, ?>[recentSize];
    this.catalogue = catalogue;
    this.topReasons = properties.topReasons();
    this.defaults = properties.thresholds();
    this.scorer =
        new ServingScorer(
            Timer.builder("fraud.score.latency").publishPercentileHistogram().register(meters));
    current.set(load(properties.location()));
  }

  private ServingSet load(String location) {
    try {
      LoadedModel model = prepare(ModelArtifact.load(location), location, UnaryOperator.identity());
      log.info(
          "Serving model {} from {} ({} features)", model.version, location, model.inputs.length);
      return new ServingSet(model, null, List.of(), defaults, null, "default");
    } catch (ModelLoadException e) {
      String problem = "model unavailable: " + e.getMessage();
      log.error("No model is served, every payment goes to review: {}", problem);
      return ServingSet.failed(problem, defaults, null, "default");
    }
  }

  /**
   * Checks an artifact against the catalogue and readies it to score; takes ownership of the
   * artifact.
   *
   * @throws ModelLoadException (and closes the artifact) when an input maps to no catalogue feature
   */
  LoadedModel prepare(ModelArtifact artifact, String source, UnaryOperator<String> sourceOf) {
    return LoadedModel.prepare(artifact, source, sourceOf, catalogue, topReasons);
  }

  LoadedModel prepare(ModelArtifact artifact, String source, InferenceConfig config) {
    return prepare(artifact, source, config::source);
  }

  /** The set scoring now, for the poller to compare with and reuse models from. */
  ServingSet current() {
    return current.get();
  }

  /**
   * Thresholds used when no inference configuration sets them ({@code fraud.model.*-threshold}).
   */
  Thresholds defaultThresholds() {
    return defaults;
  }

  FeatureCatalogue catalogue() {
    return catalogue;
  }

  /**
   * Serves {@code next} from now on. Models of the previous set that {@code next} does not reuse
   * are closed once the scores already running on them have finished.
   */
  void install(ServingSet next) {
    ServingSet previous = current.getAndSet(next);
    log.info("Serving {} (was {})", describe(next), describe(previous));
    previous.droppedBy(next).forEach(LoadedModel::retire);
  }

  /**
   * Replaces the decision model, keeping shadows and thresholds: takes ownership of {@code
   * artifact}.
   *
   * @throws ModelLoadException (and closes the artifact) when the catalogue lacks one of its
   *     features; the model served before keeps serving
   */
  public void swap(ModelArtifact artifact, String source) {
    ServingSet set = current.get();
    UnaryOperator<String> sourceOf =
        set.config != null ? set.config::source : UnaryOperator.identity();
    install(set.withDecision(prepare(artifact, source, sourceOf)));
  }

  /**
   * Scores the features (name → number) of one payment with every model of the set. Never throws.
   */
  public ScoreOutcome score(Map<?, ?> features) {
    recent[(int) (scored.getAndIncrement() % recent.length)] = features;
    ServingSet set = acquire();
    try {
      return scorer.score(set, features);
    } finally {
      set.release();
    }
  }

  /** The features of up to the last {@code fraud.model.guard.sample-size} payments scored. */
  List<Map<?, ?>> recentFeatures() {
    int n = (int) Math.min(scored.get(), recent.length);
    List<Map<?, ?>> rows = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<?, ?> row = recent[i];
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * The current set with its models pinned against closing; retried if a swap retired one
   * meanwhile.
   */
  private ServingSet acquire() {
    while (true) {
      ServingSet set = current.get();
      if (set.tryAcquire()) {
        return set;
      }
    }
  }

  /**
   * The decision model's serving window; a swap starts a fresh one against the new model's
   * reference.
   */
  @Override
  public Optional<DriftWindow> currentWindow() {
    LoadedModel decision = current.get().decision;
    return decision == null ? Optional.empty() : Optional.ofNullable(decision.drift);
  }

  /** Whether a decision model serves: without one every payment goes to review. */
  public boolean serves() {
    return current.get().decision != null;
  }

  /** The inference configuration's object version now served ({@code default} without one). */
  public String configVersion() {
    return current.get().configVersion;
  }

  /** For people: the decision model's name and version, or why there is none. */
  public String describe() {
    return describe(current.get());
  }

  private static String describe(ServingSet set) {
    String decision = set.decision != null ? set.decision.version : "none (" + set.problem + ")";
    if (set.shadows.isEmpty()) {
      return decision;
    }
    return decision + ", shadows " + set.shadows.stream().map(m -> m.version).toList();
  }

  @Override
  public void close() {
    install(ServingSet.failed("shut down", defaults, null, "default"));
  }
}
