package io.fraudops.model.training.report;

import io.fraudops.model.training.FeatureImportance;
import io.fraudops.model.training.Period;
import io.fraudops.model.training.TimeSplit;
import io.fraudops.model.training.evaluation.ConfusionMatrix;
import io.fraudops.model.training.evaluation.Performance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report's tables. */
final class Tables {

  private Tables() {}

  static String periods(TimeSplit split) {
    return Html.table(
        List.of("Period", "First payment", "Last payment", "Rows", "Fraud", "Fraud rate"),
        List.of(
            period("Training (fit)", split.train()),
            period("Evaluation (later)", split.evaluation())));
  }

  private static List<String> period(String name, Period period) {
    return List.of(
        name,
        period.first().toString(),
        period.last().toString(),
        Html.count(period.rows()),
        Html.count(period.fraud()),
        Html.percent((double) period.fraud() / period.rows()));
  }

  static String metrics(Performance training, Performance evaluation) {
    double threshold = evaluation.confusion().threshold();
    List<List<String>> rows =
        List.of(
            metric("ROC-AUC", training.summary().rocAuc(), evaluation.summary().rocAuc()),
            metric("PR-AUC (average precision)", training.prAuc(), evaluation.prAuc()),
            metric("Log loss", training.summary().logLoss(), evaluation.summary().logLoss()),
            metric(
                "Precision at " + threshold,
                training.confusion().precision(),
                evaluation.confusion().precision()),
            metric(
                "Recall at " + threshold,
                training.confusion().recall(),
                evaluation.confusion().recall()),
            metric("F1 at " + threshold, training.confusion().f1(), evaluation.confusion().f1()),
            metric(
                "False positive rate at " + threshold,
                training.confusion().falsePositiveRate(),
                evaluation.confusion().falsePositiveRate()));
    return Html.table(List.of("Metric", "Training period", "Evaluation period"), rows);
  }

  private static List<String> metric(String name, double training, double evaluation) {
    return List.of(name, Html.decimal(training, 4), Html.decimal(evaluation, 4));
  }

  static String confusion(ConfusionMatrix m) {
    return Html.table(
        List.of(
            "Actual \\ decision",
            "Flagged (score ≥ " + m.threshold() + ")",
            "Not flagged",
            "Total"),
        List.of(
            List.of(
                "Fraud",
                "TP " + Html.count(m.truePositives()),
                "FN " + Html.count(m.falseNegatives()),
                Html.count(m.truePositives() + m.falseNegatives())),
            List.of(
                "Legitimate",
                "FP " + Html.count(m.falsePositives()),
                "TN " + Html.count(m.trueNegatives()),
                Html.count(m.falsePositives() + m.trueNegatives()))));
  }

  static String params(Map<String, String> params) {
    List<List<String>> rows = new ArrayList<>();
    params.forEach((k, v) -> rows.add(List.of(k, v)));
    return Html.table("params", List.of("Parameter", "Value"), rows);
  }

  /** Features by importance, each with a bar drawn in CSS (no script, nothing to load). */
  static String importance(FeatureImportance importance) {
    double[] percent = importance.importance();
    int[] splits = importance.splits();
    double max = percent.length == 0 ? 0 : percent[importance.ranking()[0]];
    StringBuilder out =
        new StringBuilder(
            "<table class=\"importance\">\n<thead><tr><th>Feature</th>"
                + "<th>Importance (%)</th><th>Splits</th><th></th></tr></thead>\n<tbody>\n");
    for (int f : importance.ranking()) {
      double width = max > 0 ? 100 * percent[f] / max : 0;
      out.append("<tr><th>")
          .append(Html.text(importance.featureNames().get(f)))
          .append("</th><td>")
          .append(Html.decimal(percent[f], 2))
          .append("</td><td>")
          .append(splits[f])
          .append("</td><td class=\"bar-cell\"><span class=\"bar\" style=\"width:")
          .append(Html.decimal(width, 1))
          .append("%\"></span></td></tr>\n");
    }
    return out.append("</tbody>\n</table>\n").toString();
  }
}
