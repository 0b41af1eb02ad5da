package io.fraudops.model.scoring;

import io.fraudops.model.scoring.ModelLoadException.Reason;
import java.util.List;
import java.util.Objects;

/**
 * A loaded model together with its sidecar metadata. Load from a file path or from
 * {@code classpath:models/x.json}; the sidecar {@code <location>.meta.json} is required, because a model
 * without a version cannot be audited and one without baselines cannot explain its scores.
 *
 * @param location where the model was loaded from, for logs
 */
public record ModelArtifact(FraudModel model, ModelMetadata metadata, String location) implements AutoCloseable {

    public ModelArtifact {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(location, "location");
    }

    /** Name and version from the sidecar. */
    public static ModelArtifact load(String location) {
        return load(location, null);
    }

    /** @param version overrides the sidecar's version when not null (e.g. the registry's version) */
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
     * Model bytes and metadata already fetched (e.g. from a model registry), through the same checks as a
     * file: CatBoost validation, smoke prediction, and a baseline for every feature.
     *
     * @param location where the bytes came from, for logs and messages
     */
    public static ModelArtifact load(byte[] model, ModelFormat format, ModelMetadata metadata, String location) {
        CatBoostFraudModel loaded = CatBoostFraudModel.load(model, location, format, metadata.name(),
                metadata.version(), metadata.featureNames());
        try {
            List<String> missing = loaded.info().featureNames().stream()
                    .filter(name -> !metadata.baselines().containsKey(name))
                    .toList();
            if (!missing.isEmpty()) {
                throw new ModelLoadException(Reason.INVALID_METADATA, location + ModelMetadata.SIDECAR_SUFFIX,
                        "baselines missing for features " + missing);
            }
            return new ModelArtifact(loaded, metadata, location);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    public ModelInfo info() {
        return model.info();
    }

    /** The sidecar's baselines in the model's feature order. */
    public double[] baselines() {
        List<String> names = model.info().featureNames();
        double[] out = new double[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = metadata.baselines().get(names.get(i));
        }
        return out;
    }

    /** A scorer with ablation reason codes against this artifact's baselines. */
    public Scorer scorer() {
        return new Scorer(model, new AblationExplainer(), baselines());
    }

    @Override
    public void close() {
        model.close();
    }
}
