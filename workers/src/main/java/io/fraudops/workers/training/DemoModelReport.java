package io.fraudops.workers.training;

import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.Evaluation;
import io.fraudops.model.training.TrainingParams;
import java.nio.file.Path;

/** What {@code train-demo-model} did, for the console. */
record DemoModelReport(
    Path output, Dataset train, Dataset holdout, Evaluation holdoutEvaluation, TrainingParams params, double seconds) {

  String describe() {
    return String.format(
        "[train] %d trees of depth %d fitted on %,d payments in %.1f s%n"
            + "[train] later period: %,d payments (%,d fraud): ROC-AUC %.4f, log loss %.4f%n"
            + "[train] wrote %s (+ .meta.json)",
        params.iterations(),
        params.depth(),
        train.size(),
        seconds,
        holdoutEvaluation.rows(),
        holdoutEvaluation.positives(),
        holdoutEvaluation.rocAuc(),
        holdoutEvaluation.logLoss(),
        output.toAbsolutePath());
  }
}
