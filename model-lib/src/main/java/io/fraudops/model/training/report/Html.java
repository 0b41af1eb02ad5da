package io.fraudops.model.training.report;

import java.util.List;
import java.util.Locale;

/**
 * Escaping and number formatting for the report; every piece of data text goes through {@link
 * #text}.
 */
final class Html {

  private Html() {}

  /** Safe in element content and in quoted attribute values alike. */
  static String text(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String decimal(double value, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", value);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * share);
  }

  /** A table of text cells; the first column is a row header. */
  static String table(List<String> head, List<List<String>> rows) {
    return table(null, head, rows);
  }

  static String table(String cssClass, List<String> head, List<List<String>> rows) {
    StringBuilder out =
        new StringBuilder(cssClass == null ? "<table>" : "<table class=\"" + cssClass + "\">")
            .append("\n<thead><tr>");
    head.forEach(h -> out.append("<th>").append(text(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String tag = i == 0 ? "th" : "td";
        out.append('<')
            .append(tag)
            .append('>')
            .append(text(row.get(i)))
            .append("</")
            .append(tag)
            .append('>');
      }
      out.append("</tr>\n");
    }
    return out.append("</tbody>\n</table>\n").toString();
  }
}
