package io.fraudops.model.training.report;

import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.model.training.TrainingResult;
import io.fraudops.model.training.evaluation.Performance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the training report of a {@link TrainingResult} as one HTML file that opens anywhere,
 * offline: styles and SVG charts inline, no script, nothing fetched. All data text is escaped,
 * since feature names and file names come from a CSV header someone else wrote.
 */
public final class TrainingReport {

  private static final String STYLE =
      """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:62rem;\
            color:#1d2330;padding:0 1rem}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d5d9e0}
            .sub{color:#5b6373;margin-top:0}table{border-collapse:collapse;margin:.5rem 0}
            th,td{border:1px solid #d5d9e0;padding:.25rem .6rem;text-align:right;font-variant-numeric:tabular-nums}
            th:first-child{text-align:left}thead th{background:#f2f4f7;text-align:center}
            .charts{display:flex;flex-wrap:wrap;gap:1rem}svg{background:#fff;font-size:11px}
            .frame{fill:none;stroke:#8a93a3}.grid{stroke:#eceff3}.title{font-size:13px;font-weight:600}
            .tick,.note{fill:#5b6373}.axis-title{fill:#1d2330}.curve{fill:none;stroke:#2456c9;stroke-width:2}
            .reference{stroke:#9aa3b2;stroke-dasharray:5 4}.operating{fill:#d9480f;stroke:#fff}
            .threshold{stroke:#d9480f;stroke-dasharray:4 3}.fraud{fill:#d9480f}.legitimate{fill:#2456c9}
            .legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem;vertical-align:middle}
            .params td,.bar-cell{text-align:left}.bar-cell{width:40%}.bar{display:inline-block;height:.7rem;background:#2456c9}
            """;

  private TrainingReport() {}

  public static void write(TrainingResult result, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(result), StandardCharsets.UTF_8);
  }

  public static String render(TrainingResult result) {
    ModelMetadata metadata = result.metadata();
    Performance later = result.evaluation();
    double threshold = result.request().threshold();
    String title = "Training report: " + metadata.name() + " " + metadata.version();
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + Html.text(title)
        + "</title>\n<style>\n"
        + STYLE
        + "</style>\n</head>\n<body>\n"
        + "<h1>"
        + Html.text(title)
        + "</h1>\n"
        + "<p class=\"sub\">Trained at "
        + Html.text(String.valueOf(metadata.trainedAt()))
        + " from "
        + Html.text(result.request().source().name())
        + (result.request().source().sha256() == null
            ? ""
            : " (SHA-256 " + Html.text(result.request().source().sha256()) + ")")
        + ", "
        + result.model().trees().size()
        + " trees, "
        + metadata.featureNames().size()
        + " features. Metrics that matter are those of the <b>evaluation period</b>: later payments the"
        + " model never saw, as in production.</p>\n"
        + "<h2>Data periods</h2>\n"
        + Tables.periods(result.split())
        + "<p class=\"sub\">Split "
        + Html.text(result.request().split().toString())
        + ": training payments are all before "
        + Html.text(result.split().cut().toString())
        + ", evaluation payments at or after.</p>\n"
        + "<h2>Metrics</h2>\n"
        + Tables.metrics(result.training(), later)
        + "<h2>Confusion matrix on the evaluation period at threshold "
        + threshold
        + "</h2>\n"
        + Tables.confusion(later.confusion())
        + "<h2>Curves on the evaluation period</h2>\n<div class=\"charts\">\n"
        + Charts.roc(later)
        + Charts.precisionRecall(later)
        + "</div>\n"
        + "<p class=\"sub\">The dot marks threshold "
        + threshold
        + ". Dashed: a random ranking (ROC diagonal;"
        + " precision equal to the fraud rate).</p>\n"
        + "<h2>Score distribution</h2>\n"
        + Charts.histogram(later.histogram(), threshold)
        + "<p class=\"legend\"><span class=\"legitimate\" style=\"background:#2456c9\"></span>legitimate"
        + "<span class=\"fraud\" style=\"background:#d9480f\"></span>fraud</p>\n"
        + "<h2>Feature importance</h2>\n<p class=\"sub\">Prediction-values change (CatBoost's default"
        + " PredictionValuesChange) on the training rows, in percent of the total: how much the predictions"
        + " move with the feature. Splits: how many tree levels split on it.</p>\n"
        + Tables.importance(result.importance())
        + "<h2>Training parameters</h2>\n"
        + Tables.params(metadata.params())
        + "</body>\n</html>\n";
  }
}
