package io.fraudops.cli.training;

import io.fraudops.model.training.TrainingResult;
import io.fraudops.model.training.evaluation.Evaluation;
import java.nio.file.Path;

/** What {@code train-demo-model} did, for the console. */
record DemoModelReport(Path output, TrainingResult result) {

  String describe() {
    Evaluation later = result.evaluation().summary();
    return String.format(
        "[train] %d trees of depth %d fitted on %,d payments in %.1f s%n"
            + "[train] later period: %,d payments (%,d fraud): ROC-AUC %.4f, PR-AUC %.4f, log loss %.4f%n"
            + "[train] wrote %s (+ .meta.json)",
        result.model().trees().size(),
        result.request().params().depth(),
        result.split().train().rows(),
        result.fitTime().toMillis() / 1000.0,
        later.rows(),
        later.positives(),
        later.rocAuc(),
        result.evaluation().prAuc(),
        later.logLoss(),
        output.toAbsolutePath());
  }
}
