package io.fraudops.cli.training;

import io.fraudops.feature.training.TrainingSet;
import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.ModelExport;
import io.fraudops.model.training.SourceFile;
import io.fraudops.model.training.SplitRule;
import io.fraudops.model.training.TrainingCsv;
import io.fraudops.model.training.TrainingParams;
import io.fraudops.model.training.TrainingRequest;
import io.fraudops.model.training.TrainingResult;
import io.fraudops.model.training.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;

/**
 * Splits a training set by time, fits on the earlier part, evaluates on the later, writes the
 * model.
 */
final class DemoModelFit {

  static final String MODEL_NAME = "demo-fraud-model";

  /** Share of the history, by time, the model is fitted on; the rest is the evaluation period. */
  static final double TRAIN_SHARE = 0.8;

  static final double THRESHOLD = 0.5;

  private final DemoTrainingOptions options;

  DemoModelFit(DemoTrainingOptions options) {
    this.options = options;
  }

  DemoModelReport fitAndWrite(TrainingSet set) throws IOException {
    TrainingParams params = TrainingParams.defaults().withIterations(300).withSeed(options.seed());
    TrainingRequest request =
        new TrainingRequest(
            MODEL_NAME,
            "seed-" + options.seed(),
            trainingInstant(set),
            params,
            new SplitRule.Share(TRAIN_SHARE),
            THRESHOLD,
            new SourceFile("synthetic history, seed " + options.seed(), null));
    TrainingResult result = TrainingRun.run(rows(set), request);
    Files.createDirectories(options.output().toAbsolutePath().getParent());
    ModelExport.write(result.model(), result.metadata(), options.output());
    return new DemoModelReport(options.output(), result);
  }

  /** Trained "as of" the end of the history, so retraining gives byte-identical files. */
  private static Instant trainingInstant(TrainingSet set) {
    return Instant.ofEpochMilli(set.timestamps()[set.size() - 1]);
  }

  private static TrainingCsv.Rows rows(TrainingSet set) {
    Dataset all = new Dataset(set.featureNames().toArray(String[]::new), set.rows(), set.labels());
    return new TrainingCsv.Rows(all, set.timestamps());
  }
}
