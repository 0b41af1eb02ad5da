package io.fraudops.workers.training;

import io.fraudops.feature.training.TrainingSet;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.Evaluation;
import io.fraudops.model.training.ModelExport;
import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.TrainedModel;
import io.fraudops.model.training.TrainingParams;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;

/** Splits a training set by time, fits on the earlier part, evaluates on the later, writes the model. */
final class DemoModelFit {

  static final String MODEL_NAME = "demo-fraud-model";
  /** Share of the history, by time, the model is fitted on; the rest is the evaluation period. */
  static final double TRAIN_SHARE = 0.8;

  private final DemoTrainingOptions options;

  DemoModelFit(DemoTrainingOptions options) {
    this.options = options;
  }

  DemoModelReport fitAndWrite(TrainingSet set) throws IOException {
    int cut = (int) (set.size() * TRAIN_SHARE);
    Dataset train = dataset(set, 0, cut);
    Dataset holdout = dataset(set, cut, set.size());
    TrainingParams params = TrainingParams.defaults().withIterations(300).withSeed(options.seed());
    long begin = System.nanoTime();
    TrainedModel model = ObliviousTreeTrainer.fit(train, params);
    double seconds = (System.nanoTime() - begin) / 1e9;
    ModelMetadata metadata =
        ModelExport.metadata(model, MODEL_NAME, "seed-" + options.seed(), trainingInstant(set), train, holdout);
    Files.createDirectories(options.output().toAbsolutePath().getParent());
    ModelExport.write(model, metadata, options.output());
    return new DemoModelReport(options.output(), train, holdout, Evaluation.of(model, holdout), params, seconds);
  }

  /** Trained "as of" the end of the history, so retraining gives byte-identical files. */
  private static Instant trainingInstant(TrainingSet set) {
    return Instant.ofEpochMilli(set.timestamps()[set.size() - 1]);
  }

  private static Dataset dataset(TrainingSet set, int from, int to) {
    return new Dataset(
        set.featureNames().toArray(String[]::new),
        Arrays.copyOfRange(set.rows(), from, to),
        Arrays.copyOfRange(set.labels(), from, to));
  }
}
