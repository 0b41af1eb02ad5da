package io.fraudops.cli.bench;

import io.fraudops.cli.training.DemoModelTrainer;
import io.fraudops.cli.training.DemoTrainingOptions;
import io.fraudops.feature.training.TrainingSet;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.ModelExport;
import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.TrainedModel;
import io.fraudops.model.training.TrainingParams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The model under test and the rows it scores: feature vectors of a synthetic payment history built
 * by the serving code path (as the demo model was trained, on another seed), so trees take
 * realistic paths.
 */
record ModelBenchSubject(
    ModelArtifact artifact, double[][] rows, String source, String rowsDescription)
    implements AutoCloseable {

  private static final int CUSTOMERS = 500;
  private static final int MERCHANTS = 60;

  static ModelBenchSubject prepare(ModelBenchOptions options) {
    TrainingSet history =
        DemoModelTrainer.history(
            new DemoTrainingOptions(
                Path.of("unused"), options.seed(), CUSTOMERS, MERCHANTS, options.transactions()));
    String rows =
        "%,d feature rows of a synthetic history (seed %d, %d customers), %.1f %% fraud"
            .formatted(
                history.size(),
                options.seed(),
                CUSTOMERS,
                100.0 * history.positives() / history.size());
    if (!options.synthetic()) {
      ModelArtifact artifact = ModelArtifact.load(options.model());
      return new ModelBenchSubject(
          artifact, inModelOrder(history, artifact), options.model(), rows);
    }
    ModelArtifact artifact = train(history, options);
    String source =
        "trained here on the first 80 %% of the rows, %d trees of depth %d"
            .formatted(options.trees(), options.depth());
    return new ModelBenchSubject(artifact, inModelOrder(history, artifact), source, rows);
  }

  private static ModelArtifact train(TrainingSet history, ModelBenchOptions options) {
    int cut = (int) (history.size() * 0.8);
    Dataset train =
        new Dataset(
            history.featureNames().toArray(String[]::new),
            Arrays.copyOf(history.rows(), cut),
            Arrays.copyOf(history.labels(), cut));
    TrainingParams params =
        TrainingParams.defaults()
            .withIterations(options.trees())
            .withDepth(options.depth())
            .withSeed(options.seed());
    TrainedModel model = ObliviousTreeTrainer.fit(train, params);
    ModelMetadata metadata =
        ModelExport.metadata(model, "bench-synthetic", "1", Instant.EPOCH, train, null);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    try {
      model.writeCatBoostJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ModelArtifact.load(
        json.toByteArray(), ModelFormat.JSON, metadata, "bench-synthetic.json");
  }

  /** The history's columns rearranged into the model's input order. */
  private static double[][] inModelOrder(TrainingSet history, ModelArtifact artifact) {
    List<String> inputs = artifact.info().featureNames();
    int[] column = inputs.stream().mapToInt(history.featureNames()::indexOf).toArray();
    List<String> unknown =
        inputs.stream().filter(name -> !history.featureNames().contains(name)).toList();
    if (!unknown.isEmpty()) {
      artifact.close();
      throw new IllegalArgumentException(
          "the model needs features the catalogue does not have: " + unknown);
    }
    double[][] rows = history.rows();
    double[][] out = new double[rows.length][inputs.size()];
    for (int r = 0; r < out.length; r++) {
      for (int f = 0; f < column.length; f++) {
        out[r][f] = rows[r][column[f]];
      }
    }
    return out;
  }

  @Override
  public void close() {
    artifact.close();
  }
}
