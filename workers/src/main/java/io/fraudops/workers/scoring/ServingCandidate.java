package io.fraudops.workers.scoring;

import io.fraudops.model.inference.InferenceConfig;
import io.fraudops.model.inference.ModelRef;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.registry.ModelRegistryException;
import io.fraudops.model.registry.ModelVersion;
import io.fraudops.model.scoring.ModelLoadException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configuration with its model references resolved in the registry, and the serving set built
 * from it. Models the current set already holds (same version, same input mapping) are reused, not
 * downloaded again; if anything fails, every model this candidate loaded is closed again.
 */
final class ServingCandidate {

  final InferenceConfig config;
  final String configVersion;
  final Map<ModelRef, ModelVersion> resolved;

  private ServingCandidate(
      InferenceConfig config, String configVersion, Map<ModelRef, ModelVersion> resolved) {
    this.config = config;
    this.configVersion = configVersion;
    this.resolved = resolved;
  }

  /**
   * @throws CandidateRejected naming each reference that resolves to nothing
   */
  static ServingCandidate resolve(
      InferenceConfig config, String configVersion, ModelRegistry registry) {
    Map<ModelRef, ModelVersion> resolved = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    List<ModelRef> refs = new ArrayList<>(config.models().stream().map(s -> s.model()).toList());
    if (config.fallback() != null) {
      refs.add(config.fallback());
    }
    for (ModelRef ref : refs) {
      Optional<ModelVersion> version =
          ref.pinned()
              ? registry.version(ref.name(), ref.version())
              : registry.resolve(ref.name(), ref.alias());
      version.ifPresentOrElse(v -> resolved.put(ref, v), () -> missing.add(ref.toString()));
    }
    if (!missing.isEmpty()) {
      throw new CandidateRejected("the registry has no model " + String.join(", ", missing));
    }
    return new ServingCandidate(config, configVersion, resolved);
  }

  /** Identifies what would be served: the same key means nothing changed since the last attempt. */
  String key() {
    StringBuilder key = new StringBuilder(configVersion);
    resolved
        .values()
        .forEach(v -> key.append(' ').append(v.name()).append(':').append(v.version()));
    return key.toString();
  }

  /**
   * @throws CandidateRejected when a model cannot be downloaded, loaded or fed from the catalogue
   */
  ServingSet build(ServingSet current, ServingModel serving, ModelRegistry registry) {
    List<LoadedModel> loaded = new ArrayList<>();
    try {
      LoadedModel decision = obtain(config.decision(), current, serving, registry, loaded);
      List<LoadedModel> shadows = new ArrayList<>();
      for (ModelRef shadow : config.shadows()) {
        shadows.add(obtain(shadow, current, serving, registry, loaded));
      }
      return new ServingSet(decision, null, shadows, config.thresholds(), config, configVersion);
    } catch (CandidateRejected e) {
      loaded.forEach(LoadedModel::retire);
      throw e;
    }
  }

  /**
   * The fallback version alone as the decision model, or empty when there is none or it fails too.
   */
  Optional<ServingSet> fallback(ServingSet current, ServingModel serving, ModelRegistry registry) {
    if (config.fallback() == null) {
      return Optional.empty();
    }
    try {
      LoadedModel model = obtain(config.fallback(), current, serving, registry, new ArrayList<>());
      return Optional.of(
          new ServingSet(model, null, List.of(), config.thresholds(), config, configVersion));
    } catch (CandidateRejected e) {
      return Optional.empty();
    }
  }

  private LoadedModel obtain(
      ModelRef ref,
      ServingSet current,
      ServingModel serving,
      ModelRegistry registry,
      List<LoadedModel> loaded) {
    ModelVersion version = resolved.get(ref);
    LoadedModel existing = current.find(version.name() + ":" + version.version());
    if (existing != null && sameInputs(existing)) {
      return existing;
    }
    try {
      LoadedModel model = serving.prepare(registry.download(version), version.location(), config);
      loaded.add(model);
      return model;
    } catch (ModelLoadException e) {
      throw new CandidateRejected(ref + " (version " + version.version() + "): " + e.getMessage());
    } catch (ModelRegistryException e) {
      throw new CandidateRejected(
          ref + " (version " + version.version() + ") cannot be fetched: " + e.getMessage(), true);
    }
  }

  private boolean sameInputs(LoadedModel model) {
    String[] mapped =
        model.artifact.info().featureNames().stream().map(config::source).toArray(String[]::new);
    return Arrays.equals(mapped, model.inputs);
  }

  /** Why a candidate does not go live; the serving set before it stays. */
  static final class CandidateRejected extends RuntimeException {

    /** The store failed, not the model: worth another try at the next poll. */
    final boolean retry;

    CandidateRejected(String message) {
      this(message, false);
    }

    CandidateRejected(String message, boolean retry) {
      super(message);
      this.retry = retry;
    }
  }
}
