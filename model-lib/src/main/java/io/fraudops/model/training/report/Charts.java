package io.fraudops.model.training.report;

import io.fraudops.model.training.evaluation.ConfusionMatrix;
import io.fraudops.model.training.evaluation.Curve;
import io.fraudops.model.training.evaluation.Performance;
import io.fraudops.model.training.evaluation.ScoreHistogram;

/** The report's charts of one period's {@link Performance}, as inline SVG. */
final class Charts {

  private Charts() {}

  /** ROC curve, the diagonal a random ranking follows, and the operating threshold's point. */
  static String roc(Performance performance) {
    Curve roc = performance.roc();
    ConfusionMatrix at = performance.confusion();
    Svg svg =
        unitAxes(
            new Svg(
                "ROC curve (AUC " + Html.decimal(performance.summary().rocAuc(), 4) + ")",
                Svg.WIDTH,
                Svg.HEIGHT),
            "false positive rate (legitimate flagged)",
            "true positive rate (recall)");
    svg.line(0, 0, 1, 1, "reference")
        .polyline(roc.x(), roc.y(), "curve")
        .dot(
            at.falsePositiveRate(),
            at.recall(),
            "operating",
            "threshold "
                + at.threshold()
                + ": FPR "
                + Html.decimal(at.falsePositiveRate(), 4)
                + ", recall "
                + Html.decimal(at.recall(), 4));
    return svg.end();
  }

  /**
   * Precision-recall curve, the fraud rate (what random flagging achieves), and the threshold's
   * point.
   */
  static String precisionRecall(Performance performance) {
    Curve pr = performance.precisionRecall();
    ConfusionMatrix at = performance.confusion();
    double base = performance.baseRate();
    Svg svg =
        unitAxes(
            new Svg(
                "Precision-recall curve (PR-AUC " + Html.decimal(performance.prAuc(), 4) + ")",
                Svg.WIDTH,
                Svg.HEIGHT),
            "recall (fraud caught)",
            "precision (flagged that is fraud)");
    svg.line(0, base, 1, base, "reference")
        .text(svg.px(1) - 4, svg.py(base) - 4, "fraud rate " + Html.percent(base), "note", "end")
        .polyline(pr.x(), pr.y(), "curve")
        .dot(
            at.recall(),
            at.precision(),
            "operating",
            "threshold "
                + at.threshold()
                + ": recall "
                + Html.decimal(at.recall(), 4)
                + ", precision "
                + Html.decimal(at.precision(), 4));
    return svg.end();
  }

  /**
   * Score histograms of both classes side by side per bin, counts on a log scale: fraud is rare, so
   * on a linear scale its bars would vanish next to the legitimate ones. The scale's floor is half
   * a payment, so a bin of one still shows.
   */
  static String histogram(ScoreHistogram histogram, double threshold) {
    long max = 1;
    for (int b = 0; b < histogram.bins(); b++) {
      max = Math.max(max, Math.max(histogram.fraud()[b], histogram.legitimate()[b]));
    }
    double floor = Math.log10(0.5);
    double top = Math.ceil(Math.log10(max)) - floor;
    Svg svg =
        new Svg(
                "Score distribution on the evaluation period (log scale)",
                2 * Svg.WIDTH,
                Svg.HEIGHT)
            .frame("model score", "payments per bin (log scale)");
    for (long tick = 1; tick <= Math.pow(10, Math.ceil(Math.log10(max))); tick *= 10) {
      svg.yTick((Math.log10(tick) - floor) / top, Html.count(tick));
    }
    for (int i = 0; i <= 10; i++) {
      svg.xTick(i / 10.0, Html.decimal(i / 10.0, 1));
    }
    double binWidth = 1.0 / histogram.bins();
    long[] legitimate = histogram.legitimate();
    long[] fraud = histogram.fraud();
    for (int b = 0; b < histogram.bins(); b++) {
      String range =
          Html.decimal(histogram.lowerEdge(b), 2)
              + "–"
              + Html.decimal(histogram.lowerEdge(b) + binWidth, 2);
      if (legitimate[b] > 0) {
        svg.bar(
            histogram.lowerEdge(b) + 0.05 * binWidth,
            0.45 * binWidth,
            (Math.log10(legitimate[b]) - floor) / top,
            "legitimate",
            range + ": " + legitimate[b] + " legitimate");
      }
      if (fraud[b] > 0) {
        svg.bar(
            histogram.lowerEdge(b) + 0.5 * binWidth,
            0.45 * binWidth,
            (Math.log10(fraud[b]) - floor) / top,
            "fraud",
            range + ": " + fraud[b] + " fraud");
      }
    }
    svg.line(threshold, 0, threshold, 1, "threshold")
        .text(svg.px(threshold) + 4, svg.py(1) + 12, "threshold " + threshold, "note", "start");
    return svg.end();
  }

  private static Svg unitAxes(Svg svg, String xTitle, String yTitle) {
    svg.frame(xTitle, yTitle);
    for (int i = 0; i <= 5; i++) {
      svg.xTick(i / 5.0, Html.decimal(i / 5.0, 1)).yTick(i / 5.0, Html.decimal(i / 5.0, 1));
    }
    return svg;
  }
}
