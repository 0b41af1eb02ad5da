package io.fraudops.model.scoring;

import java.util.List;
import java.util.Objects;

/**
 * A loaded model together with its sidecar metadata and the explainer for its scores. Load from a
 * file path or from {@code classpath:models/x.json}; the sidecar {@code <location>.meta.json} is
 * required, because a model without a name and version cannot be audited. Its baselines are
 * optional: tree-path reasons (JSON) need none, and ablation (.cbm) compares a feature without a
 * baseline with the feature missing, the value CatBoost itself falls back on.
 *
 * @param location where the model was loaded from, for logs
 * @param explainer tree-path reasons ({@link TreeContributionExplainer}) when the model is CatBoost
 *     JSON whose trees we can read and which scores as catboost4j does; ablation otherwise (.cbm)
 */
public record ModelArtifact(
    FraudModel model, ModelMetadata metadata, String location, ReasonExplainer explainer)
    implements AutoCloseable {

  /**
   * Rows on which the trees read from JSON must score as catboost4j does before they explain its
   * scores.
   */
  private static final double PARITY = 1e-9;

  public ModelArtifact {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(explainer, "explainer");
  }

  /** With ablation reasons, which explain any model, e.g. one wrapped for a test. */
  public ModelArtifact(FraudModel model, ModelMetadata metadata, String location) {
    this(model, metadata, location, new AblationExplainer());
  }

  /** Name and version from the sidecar. */
  public static ModelArtifact load(String location) {
    return load(location, null);
  }

  /**
   * @param version overrides the sidecar's version when not null (e.g. the registry's version)
   */
  public static ModelArtifact load(String location, String version) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return load(location, version, loader != null ? loader : ModelArtifact.class.getClassLoader());
  }

  public static ModelArtifact load(String location, String version, ClassLoader classLoader) {
    ModelLocation model = new ModelLocation(location, classLoader);
    ModelFormat format = ModelFormat.fromFileName(model.fileName());
    byte[] bytes = model.read();
    ModelLocation sidecar = model.sidecar();
    ModelMetadata read = ModelMetadata.read(sidecar.read(), sidecar.location());
    ModelMetadata metadata = version == null ? read : read.withVersion(version);
    return load(bytes, format, metadata, location);
  }

  /**
   * Model bytes and metadata already fetched (e.g. from a model registry), through the same checks
   * as a file: CatBoost validation and a smoke prediction.
   *
   * @param location where the bytes came from, for logs and messages
   */
  public static ModelArtifact load(
      byte[] model, ModelFormat format, ModelMetadata metadata, String location) {
    CatBoostFraudModel loaded =
        CatBoostFraudModel.load(
            model, location, format, metadata.name(), metadata.version(), metadata.featureNames());
    try {
      ReasonExplainer explainer =
          explainerFor(model, format, loaded, baselines(loaded.info(), metadata));
      return new ModelArtifact(loaded, metadata, location, explainer);
    } catch (RuntimeException e) {
      loaded.close();
      throw e;
    }
  }

  /**
   * Trees read by our own parser explain only if they score as the loaded model does (checked on
   * the baselines and an all-zero row): a CatBoost feature we misread must cost explanation
   * quality, never explanations of a different model.
   */
  private static ReasonExplainer explainerFor(
      byte[] bytes, ModelFormat format, FraudModel model, double[] baselines) {
    if (format != ModelFormat.JSON) {
      return new AblationExplainer();
    }
    ObliviousEnsemble trees;
    try {
      trees = ObliviousEnsemble.fromCatBoostJson(bytes);
    } catch (IllegalArgumentException e) {
      return new AblationExplainer(); // e.g. non-symmetric trees: ablation explains any model
    }
    if (trees.featureCount() != model.info().featureCount()) {
      return new AblationExplainer();
    }
    double[] typical = baselines.clone();
    for (int i = 0; i < typical.length; i++) {
      typical[i] = Double.isNaN(typical[i]) ? 0 : typical[i];
    }
    for (double[] row : List.of(typical, new double[baselines.length])) {
      if (!(Math.abs(trees.predictRaw(row) - model.predictRaw(row)) <= PARITY)) {
        return new AblationExplainer();
      }
    }
    return new TreeContributionExplainer(trees);
  }

  public ModelInfo info() {
    return model.info();
  }

  /**
   * The sidecar's baselines in the model's feature order; NaN (missing) where the sidecar has none.
   */
  public double[] baselines() {
    return baselines(model.info(), metadata);
  }

  private static double[] baselines(ModelInfo info, ModelMetadata metadata) {
    List<String> names = info.featureNames();
    double[] out = new double[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = metadata.baselines().getOrDefault(names.get(i), Double.NaN);
    }
    return out;
  }

  /** A scorer with this artifact's {@link #explainer()} and baselines. */
  public Scorer scorer() {
    return new Scorer(model, explainer, baselines());
  }

  @Override
  public void close() {
    model.close();
  }
}
