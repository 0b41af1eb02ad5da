package io.fraudops.workers.scoring;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.model.scoring.AblationExplainer;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelLoadException;
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
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The model the workers score with. A model that cannot be loaded, or whose features the catalogue
 * does not know, is not served: every payment then gets no score and a reason, and the decision
 * table sends it to review, never to an approval.
 */
@Component
public class ServingModel implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServingModel.class);

  /** A loaded model with its input layout, or the reason there is none. */
  private record Serving(ModelArtifact artifact, Scorer scorer, String[] inputs, String version, String problem) {}

  private final AtomicReference<Serving> current = new AtomicReference<>();
  private final Timer latency;

  public ServingModel(ModelProperties properties, FeatureCatalogue catalogue, MeterRegistry meters) {
    this.latency = Timer.builder("fraud.score.latency").publishPercentileHistogram().register(meters);
    current.set(load(properties, catalogue));
  }

  private static Serving load(ModelProperties properties, FeatureCatalogue catalogue) {
    try {
      ModelArtifact artifact = ModelArtifact.load(properties.location());
      List<String> inputs = artifact.info().featureNames();
      List<String> unknown = inputs.stream().filter(name -> catalogue.indexOf(name) < 0).toList();
      if (!unknown.isEmpty()) {
        artifact.close();
        return failed("model " + properties.location() + " needs features the catalogue does not have: " + unknown);
      }
      String version = artifact.info().name() + ":" + artifact.info().version();
      log.info("Serving model {} from {} ({} features)", version, properties.location(), inputs.size());
      return new Serving(
          artifact,
          new Scorer(
              artifact.model(), new AblationExplainer(), artifact.baselines(), properties.topReasons()),
          inputs.toArray(String[]::new),
          version,
          null);
    } catch (ModelLoadException e) {
      return failed("model unavailable: " + e.getMessage());
    }
  }

  private static Serving failed(String problem) {
    log.error("No model is served, every payment goes to review: {}", problem);
    return new Serving(null, null, null, null, problem);
  }

  /** Scores the features (name → number) of one payment. Never throws. */
  public ScoreOutcome score(Map<?, ?> features) {
    Serving serving = current.get();
    if (serving.scorer() == null) {
      return ScoreOutcome.unavailable(null, serving.problem());
    }
    double[] row = new double[serving.inputs().length];
    for (int i = 0; i < row.length; i++) {
      Object value = features.get(serving.inputs()[i]);
      if (!(value instanceof Number number)) {
        return ScoreOutcome.unavailable(serving.version(), "feature " + serving.inputs()[i] + " is missing");
      }
      row[i] = number.doubleValue();
    }
    long start = System.nanoTime();
    try {
      ScoreResult result = serving.scorer().score(row);
      return new ScoreOutcome(result.probability(), serving.version(), reasons(result.reasons()), null);
    } catch (RuntimeException e) {
      log.warn("Scoring failed with model {}", serving.version(), e);
      return ScoreOutcome.unavailable(serving.version(), "scoring failed: " + e.getMessage());
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
    return serving.version() != null ? serving.version() : "none (" + serving.problem() + ")";
  }

  @Override
  public void close() {
    Serving serving = current.getAndSet(new Serving(null, null, null, null, "shut down"));
    if (serving.artifact() != null) {
      serving.artifact().close();
    }
  }
}
