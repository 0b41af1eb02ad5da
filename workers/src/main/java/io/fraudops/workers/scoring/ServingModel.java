package io.fraudops.workers.scoring;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.model.scoring.AblationExplainer;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelLoadException;
import io.fraudops.model.scoring.ModelLoadException.Reason;
import io.fraudops.model.scoring.ReasonCode;
import io.fraudops.model.scoring.ScoreResult;
import io.fraudops.model.scoring.Scorer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The model the workers score with. A model that cannot be loaded, or whose features the catalogue
 * does not know, is not served: every payment then gets no score and a reason, and the decision
 * table sends it to review, never to an approval. {@link #swap} replaces it while scoring goes on.
 */
@Component
public class ServingModel implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServingModel.class);

  private final AtomicReference<Serving> current = new AtomicReference<>();
  private final FeatureCatalogue catalogue;
  private final int topReasons;
  private final Timer latency;

  public ServingModel(ModelProperties properties, FeatureCatalogue catalogue, MeterRegistry meters) {
    this.catalogue = catalogue;
    this.topReasons = properties.topReasons();
    this.latency = Timer.builder("fraud.score.latency").publishPercentileHistogram().register(meters);
    current.set(load(properties.location()));
  }

  private Serving load(String location) {
    try {
      return serving(ModelArtifact.load(location), location);
    } catch (ModelLoadException e) {
      String problem = "model unavailable: " + e.getMessage();
      log.error("No model is served, every payment goes to review: {}", problem);
      return Serving.failed(problem);
    }
  }

  /**
   * Checks the artifact against the catalogue and builds what scoring needs; closes the artifact and
   * throws when the catalogue lacks one of its features, so nothing leaks on a refused model.
   */
  private Serving serving(ModelArtifact artifact, String source) {
    List<String> inputs = artifact.info().featureNames();
    List<String> unknown = inputs.stream().filter(name -> catalogue.indexOf(name) < 0).toList();
    if (!unknown.isEmpty()) {
      artifact.close();
      throw new ModelLoadException(
          Reason.FEATURE_MISMATCH, source, "needs features the catalogue does not have: " + unknown);
    }
    String version = artifact.info().name() + ":" + artifact.info().version();
    log.info("Serving model {} from {} ({} features)", version, source, inputs.size());
    return new Serving(
        artifact,
        new Scorer(artifact.model(), new AblationExplainer(), artifact.baselines(), topReasons),
        inputs.toArray(String[]::new),
        version,
        null);
  }

  /**
   * Serves {@code artifact} from now on, taking ownership of it. The replaced model is closed once the
   * scores already running on it have finished, so no payment ever scores on a closed model.
   *
   * @param source where the artifact came from, for logs and messages
   * @throws ModelLoadException (and closes the artifact) when the catalogue lacks one of its features;
   *     the model served before keeps serving
   */
  public void swap(ModelArtifact artifact, String source) {
    Serving next = serving(artifact, source);
    Serving previous = current.getAndSet(next);
    log.info("Swapped model {} for {}", previous.version != null ? previous.version : "none", next.version);
    previous.retire();
  }

  /** Scores the features (name → number) of one payment. Never throws. */
  public ScoreOutcome score(Map<?, ?> features) {
    Serving serving = acquire();
    try {
      return score(serving, features);
    } finally {
      serving.release();
    }
  }

  /** The current model, pinned against closing until released; retried if a swap retired it meanwhile. */
  private Serving acquire() {
    while (true) {
      Serving serving = current.get();
      if (serving.tryAcquire()) {
        return serving;
      }
    }
  }

  private ScoreOutcome score(Serving serving, Map<?, ?> features) {
    if (serving.scorer == null) {
      return ScoreOutcome.unavailable(null, serving.problem);
    }
    double[] row = new double[serving.inputs.length];
    for (int i = 0; i < row.length; i++) {
      Object value = features.get(serving.inputs[i]);
      if (!(value instanceof Number number)) {
        return ScoreOutcome.unavailable(serving.version, "feature " + serving.inputs[i] + " is missing");
      }
      row[i] = number.doubleValue();
    }
    long start = System.nanoTime();
    try {
      ScoreResult result = serving.scorer.score(row);
      return new ScoreOutcome(result.probability(), serving.version, reasons(result.reasons()), null);
    } catch (RuntimeException e) {
      log.warn("Scoring failed with model {}", serving.version, e);
      return ScoreOutcome.unavailable(serving.version, "scoring failed: " + e.getMessage());
    } finally {
      latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  private static List<Map<String, Object>> reasons(List<ReasonCode> codes) {
    List<Map<String, Object>> out = new ArrayList<>(codes.size());
    for (ReasonCode code : codes) {
      Map<String, Object> reason = new LinkedHashMap<>();
      reason.put("feature", code.feature());
      reason.put("value", code.value());
      reason.put("contribution", Math.round(code.contribution() * 1e4) / 1e4);
      out.add(reason);
    }
    return out;
  }

  /** For people: the model's name and version, or why there is none. */
  public String describe() {
    Serving serving = current.get();
    return serving.version != null ? serving.version : "none (" + serving.problem + ")";
  }

  @Override
  public void close() {
    current.getAndSet(Serving.failed("shut down")).retire();
  }

  /**
   * A loaded model with its input layout, or the reason there is none, and how many scores are running
   * on it. Once retired it is closed when the last of them finishes: no grace period to guess.
   */
  private static final class Serving {

    final ModelArtifact artifact;
    final Scorer scorer;
    final String[] inputs;
    final String version;
    final String problem;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean retired;

    Serving(ModelArtifact artifact, Scorer scorer, String[] inputs, String version, String problem) {
      this.artifact = artifact;
      this.scorer = scorer;
      this.inputs = inputs;
      this.version = version;
      this.problem = problem;
    }

    static Serving failed(String problem) {
      return new Serving(null, null, null, null, problem);
    }

    // A scorer counts itself in before it looks at retired, retire() marks retired before it looks at
    // the count: whichever comes second sees the other, so the model is never closed under a scorer.
    boolean tryAcquire() {
      inFlight.incrementAndGet();
      if (retired) {
        release();
        return false;
      }
      return true;
    }

    void release() {
      if (inFlight.decrementAndGet() == 0 && retired) {
        closeOnce();
      }
    }

    void retire() {
      retired = true;
      if (inFlight.get() == 0) {
        closeOnce();
      }
    }

    private void closeOnce() {
      if (artifact != null && closed.compareAndSet(false, true)) {
        artifact.close();
      }
    }
  }
}
