package io.fraudops.model.training.report;

import java.util.Locale;

/**
 * Builds one inline SVG chart: a plot area with margins for axes, and shapes in plot coordinates.
 */
final class Svg {

  static final int WIDTH = 380;
  static final int HEIGHT = 320;
  private static final int LEFT = 68;
  private static final int RIGHT = 16;
  private static final int TOP = 28;
  private static final int BOTTOM = 48;

  private final StringBuilder out = new StringBuilder();
  private final int width;
  private final int height;

  Svg(String title, int width, int height) {
    this.width = width;
    this.height = height;
    out.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " role=\"img\" aria-label=\"%s\">\n<title>%s</title>\n",
            width,
            height,
            width,
            height,
            Html.text(title),
            Html.text(title)));
    text(width / 2.0, 18, title, "title", "middle");
  }

  /** Horizontal position of {@code x} in [0, 1] of the plot area. */
  double px(double x) {
    return LEFT + x * (width - LEFT - RIGHT);
  }

  /** Vertical position of {@code y} in [0, 1] of the plot area, 0 at the bottom. */
  double py(double y) {
    return height - BOTTOM - y * (height - TOP - BOTTOM);
  }

  double plotWidth() {
    return width - LEFT - RIGHT;
  }

  Svg frame(String xTitle, String yTitle) {
    out.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\"" + " height=\"%.1f\"/>\n",
            px(0),
            py(1),
            plotWidth(),
            py(0) - py(1)));
    text(px(0.5), height - 8, xTitle, "axis-title", "middle");
    out.append(
        String.format(
            Locale.ROOT,
            "<text class=\"axis-title\" text-anchor=\"middle\""
                + " transform=\"translate(13 %.1f) rotate(-90)\">%s</text>\n",
            py(0.5),
            Html.text(yTitle)));
    return this;
  }

  Svg xTick(double x, String label) {
    line(x, 0, x, 1, "grid");
    return text(px(x), py(0) + 16, label, "tick", "middle");
  }

  Svg yTick(double y, String label) {
    line(0, y, 1, y, "grid");
    return text(px(0) - 6, py(y) + 4, label, "tick", "end");
  }

  Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    out.append(
        String.format(
            Locale.ROOT,
            "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
            cssClass,
            px(x1),
            py(y1),
            px(x2),
            py(y2)));
    return this;
  }

  Svg polyline(double[] xs, double[] ys, String cssClass) {
    out.append("<polyline class=\"").append(cssClass).append("\" points=\"");
    for (int i = 0; i < xs.length; i++) {
      out.append(
          String.format(Locale.ROOT, i == 0 ? "%.1f,%.1f" : " %.1f,%.1f", px(xs[i]), py(ys[i])));
    }
    out.append("\"/>\n");
    return this;
  }

  /** A bar from the bottom of the plot; x and widths in plot fractions, height in [0, 1]. */
  Svg bar(double x, double barWidth, double heightShare, String cssClass, String tooltip) {
    out.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                + "<title>%s</title></rect>\n",
            cssClass,
            px(x),
            py(heightShare),
            barWidth * plotWidth(),
            py(0) - py(heightShare),
            Html.text(tooltip)));
    return this;
  }

  Svg dot(double x, double y, String cssClass, String tooltip) {
    out.append(
        String.format(
            Locale.ROOT,
            "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s</title>"
                + "</circle>\n",
            cssClass,
            px(x),
            py(y),
            Html.text(tooltip)));
    return this;
  }

  /** Text at absolute SVG coordinates. */
  Svg text(double x, double y, String text, String cssClass, String anchor) {
    out.append(
        String.format(
            Locale.ROOT,
            "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n",
            cssClass,
            x,
            y,
            anchor,
            Html.text(text)));
    return this;
  }

  String end() {
    return out.append("</svg>\n").toString();
  }
}
