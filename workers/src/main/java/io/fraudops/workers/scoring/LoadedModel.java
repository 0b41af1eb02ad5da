package io.fraudops.workers.scoring;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.model.drift.DriftWindow;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelLoadException;
import io.fraudops.model.scoring.ModelLoadException.Reason;
import io.fraudops.model.scoring.Scorer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A model ready to score: its artifact, scorer, and for each model input the catalogue feature it
 * reads. Serving sets share it while it stays configured; once retired it is closed when the last
 * score running on it finishes, so no payment ever scores on a closed native model and no grace
 * period is guessed.
 */
final class LoadedModel {

  final String version;
  final ModelArtifact artifact;
  final Scorer scorer;

  /** Catalogue feature per model input, in the model's input order. */
  final String[] inputs;

  /** The serving window compared with the model's training population; null without a reference. */
  final DriftWindow drift;

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean retired;

  private LoadedModel(String version, ModelArtifact artifact, Scorer scorer, String[] inputs) {
    this.version = version;
    this.artifact = artifact;
    this.scorer = scorer;
    this.inputs = inputs;
    this.drift =
        DriftWindow.forModel(
                artifact.info().name() + ":" + artifact.info().version(),
                artifact.metadata().driftReference(),
                artifact.info().featureNames())
            .orElse(null);
  }

  /**
   * Checks that every input maps to a catalogue feature; closes the artifact and throws when one
   * does not, so nothing leaks on a refused model.
   *
   * @param sourceOf model input name → catalogue feature name (the inference config's mapping)
   */
  static LoadedModel prepare(
      ModelArtifact artifact,
      String source,
      UnaryOperator<String> sourceOf,
      FeatureCatalogue catalogue,
      int topReasons) {
    List<String> names = artifact.info().featureNames();
    String[] inputs = names.stream().map(sourceOf).toArray(String[]::new);
    List<String> unknown =
        java.util.stream.IntStream.range(0, inputs.length)
            .filter(i -> catalogue.indexOf(inputs[i]) < 0)
            .mapToObj(
                i ->
                    names.get(i).equals(inputs[i])
                        ? names.get(i)
                        : names.get(i) + " (read from " + inputs[i] + ")")
            .toList();
    if (!unknown.isEmpty()) {
      artifact.close();
      throw new ModelLoadException(
          Reason.FEATURE_MISMATCH,
          source,
          "needs features the catalogue does not have: " + unknown);
    }
    Scorer scorer =
        new Scorer(artifact.model(), artifact.explainer(), artifact.baselines(), topReasons);
    return new LoadedModel(
        artifact.info().name() + ":" + artifact.info().version(), artifact, scorer, inputs);
  }

  /**
   * The model's input row, or null when a feature is missing (its name in {@code missing[0]}).
   * Features arrive as process variables, so numbers may be any {@link Number}.
   */
  double[] row(Map<?, ?> features, String[] missing) {
    double[] row = new double[inputs.length];
    for (int i = 0; i < row.length; i++) {
      if (!(features.get(inputs[i]) instanceof Number number)) {
        missing[0] = inputs[i];
        return null;
      }
      row[i] = number.doubleValue();
    }
    return row;
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
    if (closed.compareAndSet(false, true)) {
      artifact.close();
    }
  }
}
