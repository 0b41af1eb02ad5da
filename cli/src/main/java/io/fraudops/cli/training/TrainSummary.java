package io.fraudops.cli.training;

import io.fraudops.model.training.Period;
import io.fraudops.model.training.TrainingResult;
import io.fraudops.model.training.evaluation.ConfusionMatrix;
import io.fraudops.model.training.evaluation.Performance;
import java.util.Locale;

/**
 * The console lines of {@code ./fraud train}: what was trained on, how well it does later, where it
 * went.
 */
final class TrainSummary {

  private TrainSummary() {}

  static String describe(TrainingResult result, TrainedFiles files) {
    Performance later = result.evaluation();
    ConfusionMatrix at = later.confusion();
    return String.join(
        "\n",
        period("training  ", result.split().train()),
        period("evaluation", result.split().evaluation()),
        format(
            "[train] %d trees of depth %d fitted in %.1f s",
            result.model().trees().size(),
            result.request().params().depth(),
            result.fitTime().toMillis() / 1000.0),
        format(
            "[train] evaluation period: ROC-AUC %.4f, PR-AUC %.4f, log loss %.4f",
            later.summary().rocAuc(), later.prAuc(), later.summary().logLoss()),
        format(
            "[train] at threshold %s: precision %.4f, recall %.4f, F1 %.4f (TP %,d, FP %,d, TN %,d, FN %,d)",
            at.threshold(),
            at.precision(),
            at.recall(),
            at.f1(),
            at.truePositives(),
            at.falsePositives(),
            at.trueNegatives(),
            at.falseNegatives()),
        "[train] model  " + files.model().toAbsolutePath() + " (+ .meta.json)",
        "[train] report " + files.report().toAbsolutePath());
  }

  private static String period(String name, Period period) {
    return format(
        "[train] %s %s .. %s: %,9d payments, %,7d fraud (%.2f %%)",
        name,
        period.first(),
        period.last(),
        period.rows(),
        period.fraud(),
        100.0 * period.fraud() / period.rows());
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
