package io.fraudops.workers.scoring;

import io.fraudops.model.inference.InferenceConfig;
import io.fraudops.model.inference.Thresholds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one score uses, swapped as a whole: the decision model (or why there is none), the
 * shadow models, the thresholds for the decision table, and the configuration they came from.
 *
 * <p>{@code decision} is null when no model can be served; {@code problem} then says why {@code
 * config} is null when serving a file without a configuration store {@code configVersion} is the
 * configuration's object version, {@code "default"} without a stored one
 */
final class ServingSet {

  final LoadedModel decision;
  final String problem;
  final List<LoadedModel> shadows;
  final Thresholds thresholds;
  final InferenceConfig config;
  final String configVersion;

  /** {@code thresholds} as the process variable the decision table reads, built once per set. */
  final Map<String, Object> thresholdsVariable;

  /** Decision model first, then the shadows; computed once so scoring does not allocate it. */
  private final LoadedModel[] all;

  ServingSet(
      LoadedModel decision,
      String problem,
      List<LoadedModel> shadows,
      Thresholds thresholds,
      InferenceConfig config,
      String configVersion) {
    this.decision = decision;
    this.problem = problem;
    this.shadows = List.copyOf(shadows);
    this.thresholds = thresholds;
    this.config = config;
    this.configVersion = configVersion;
    this.thresholdsVariable =
        Map.of("review", thresholds.review(), "decline", thresholds.decline());
    List<LoadedModel> models = new ArrayList<>(this.shadows.size() + 1);
    if (decision != null) {
      models.add(decision);
    }
    models.addAll(this.shadows);
    this.all = models.toArray(LoadedModel[]::new);
  }

  static ServingSet failed(
      String problem, Thresholds thresholds, InferenceConfig config, String configVersion) {
    return new ServingSet(null, problem, List.of(), thresholds, config, configVersion);
  }

  ServingSet withDecision(LoadedModel model) {
    return new ServingSet(model, null, shadows, thresholds, config, configVersion);
  }

  List<LoadedModel> models() {
    return List.of(all);
  }

  /** The loaded model of this set with that name:version, for reuse by the next set. */
  LoadedModel find(String version) {
    return models().stream().filter(m -> m.version.equals(version)).findFirst().orElse(null);
  }

  /** Models of this set the next one no longer uses: they are retired when the next goes live. */
  List<LoadedModel> droppedBy(ServingSet next) {
    Set<LoadedModel> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    kept.addAll(next.models());
    return models().stream().filter(m -> !kept.contains(m)).toList();
  }

  /**
   * Pins every model of the set against closing, or none when a swap retired one meanwhile (the
   * caller then retries with the newer set).
   */
  boolean tryAcquire() {
    for (int i = 0; i < all.length; i++) {
      if (!all[i].tryAcquire()) {
        for (int j = 0; j < i; j++) {
          all[j].release();
        }
        return false;
      }
    }
    return true;
  }

  void release() {
    for (LoadedModel model : all) {
      model.release();
    }
  }
}
