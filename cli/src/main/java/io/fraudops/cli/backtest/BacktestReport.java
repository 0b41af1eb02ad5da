package io.fraudops.cli.backtest;

import io.fraudops.workers.process.RoutedOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest as one self-contained HTML file (styles inline, no script, nothing loaded), to
 * attach to a change of the decision table or a CI run.
 */
final class BacktestReport {

  /** Examples per kind of change, and rows of the other lists. */
  static final int ROWS = 25;

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:24px auto;max-width:1180px;color:#1d2733}
      h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #dde3ea;padding-bottom:4px}
      table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #dde3ea;padding:4px 8px;text-align:right}
      th{background:#f3f6f9}td.text,th.text{text-align:left}.moved{background:#fff3cd;font-weight:600}
      .same{color:#5b6b7b}.bad{color:#b00020;font-weight:600}.good{color:#1b7f3b;font-weight:600}
      .bar{display:inline-block;height:10px;background:#7aa7d6;vertical-align:middle}.bar.c{background:#e0a040}
      .note{color:#5b6b7b;font-size:13px}code{background:#f3f6f9;padding:1px 4px}
      """;

  private BacktestReport() {}

  static void write(BacktestRun run, Backtest b, List<Gate> gates, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(run, b, gates), StandardCharsets.UTF_8);
  }

  static String render(BacktestRun run, Backtest b, List<Gate> gates) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest of ")
        .append(esc(run.candidate()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    h.append("<h1>Backtest of <code>")
        .append(esc(run.candidate()))
        .append("</code> (decision <code>")
        .append(esc(b.decisionId))
        .append("</code>)</h1>\n<table>\n");
    info(h, "Payments received", run.period());
    info(h, "Re-decided by the engine", count(b.rows.size()));
    info(h, "Left out: no recorded inputs", count(b.withoutInputs.size()));
    info(h, "Candidate failed to evaluate", count(b.failures.size()));
    info(h, "Scores", run.model() == null ? "as recorded" : "re-scored by " + run.model());
    info(h, "Thresholds", run.thresholds() == null ? "as recorded" : run.thresholds());
    if (b.baselineChecked) {
      info(
          h,
          "Live decisions reproduced by " + run.baseline(),
          count(b.reproduced) + " of " + count(b.rows.size()));
    }
    h.append("</table>\n");

    if (!gates.isEmpty()) {
      h.append(
          "<h2>Limits</h2>\n<table><tr><th class=\"text\">Figure</th><th>Live</th><th>Candidate</th>"
              + "<th>Change</th><th>Allowed</th><th class=\"text\">Result</th></tr>\n");
      for (Gate g : gates) {
        h.append("<tr><td class=\"text\">")
            .append(esc(g.figure()))
            .append(" (<code>--")
            .append(esc(g.option()))
            .append('=')
            .append(esc(g.limit().toString()))
            .append("</code>)</td><td>")
            .append(count(g.live()))
            .append("</td><td>")
            .append(count(g.candidate()))
            .append("</td><td>")
            .append(signed(g.candidate() - g.live()))
            .append("</td><td>+")
            .append(count(g.limit().allowed(g.live())))
            .append("</td><td class=\"text ")
            .append(g.exceeded() ? "bad\">exceeded" : "good\">ok")
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append(
        "<h2>Figures</h2>\n<table><tr><th class=\"text\">Figure</th><th>Live</th><th>Candidate</th><th>Change</th>"
            + "<th class=\"text\">Live / candidate</th></tr>\n");
    long scale = Math.max(1, Math.max(b.live.payments(), 1));
    figure(h, "Approved", b.live.approved(), b.candidate.approved(), scale);
    figure(h, "Declined", b.live.declined(), b.candidate.declined(), scale);
    figure(h, "Sent to review", b.live.reviews(), b.candidate.reviews(), scale);
    long fraud = Math.max(1, b.live.fraud());
    figure(
        h, "Fraud declined (caught)", b.live.fraudDeclined(), b.candidate.fraudDeclined(), fraud);
    figure(h, "Fraud sent to review", b.live.fraudReviewed(), b.candidate.fraudReviewed(), fraud);
    figure(
        h, "Fraud approved (missed)", b.live.fraudApproved(), b.candidate.fraudApproved(), fraud);
    long declines = Math.max(1, Math.max(b.live.declined(), b.candidate.declined()));
    figure(
        h,
        "False declines (no fraud label)",
        b.live.falseDeclines(),
        b.candidate.falseDeclines(),
        declines);
    figure(
        h,
        "… of which labelled genuine",
        b.live.genuineDeclined(),
        b.candidate.genuineDeclined(),
        declines);
    h.append("</table>\n<p class=\"note\">")
        .append(count(b.live.fraud()))
        .append(
            " of these payments carry a fraud label."
                + " A false decline is a decline without a fraud label: no chargeback came and no analyst said fraud. Analyst"
                + " verdicts exist only for payments the live table sent to review, so labels are richest there; chargebacks"
                + " label the others.</p>\n");

    h.append(
        "<h2>Outcome matrix</h2>\n<p class=\"note\">Rows: where the live table sent each payment; columns: where the"
            + " candidate sends it. Highlighted cells change route.</p>\n<table><tr><th class=\"text\">live \\ candidate</th>");
    List<RoutedOutcome> routes = b.routes();
    routes.forEach(r -> h.append("<th>").append(r).append("</th>"));
    h.append("<th>Total</th></tr>\n");
    for (RoutedOutcome from : routes) {
      h.append("<tr><th class=\"text\">").append(from).append("</th>");
      long total = 0;
      for (RoutedOutcome to : routes) {
        long n = b.cell(from, to);
        total += n;
        h.append(
                from != to && n > 0
                    ? "<td class=\"moved\">"
                    : from == to ? "<td class=\"same\">" : "<td>")
            .append(count(n))
            .append("</td>");
      }
      h.append("<td>").append(count(total)).append("</td></tr>\n");
    }
    h.append("</table>\n<p class=\"note\">")
        .append(count(b.moved()))
        .append(" payments change route; ")
        .append(count(b.sameOutcomeOtherRule))
        .append(" keep their route under another rule.</p>\n");

    h.append(
        "<h2>Rules</h2>\n<table><tr><th class=\"text\">Rule</th><th>Live</th><th>Candidate</th><th>Change</th></tr>\n");
    for (Map.Entry<String, long[]> rule : b.ruleHits.entrySet()) {
      long[] n = rule.getValue();
      h.append("<tr><td class=\"text\">")
          .append(esc(rule.getKey()))
          .append("</td><td>")
          .append(count(n[0]))
          .append("</td><td>")
          .append(count(n[1]))
          .append("</td><td>")
          .append(signed(n[1] - n[0]))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2>Examples of each change</h2>\n");
    if (b.moves.isEmpty()) {
      h.append("<p>No payment changes route.</p>\n");
    }
    for (Map.Entry<Backtest.Move, List<Backtest.Row>> move : b.moves.entrySet()) {
      List<Backtest.Row> rows = move.getValue();
      h.append("<h3>")
          .append(esc(move.getKey().toString()))
          .append(" (")
          .append(count(rows.size()))
          .append(")</h3>\n");
      examples(h, rows);
    }

    if (b.baselineChecked && !b.notReproduced.isEmpty()) {
      h.append("<h2>Live decisions the baseline did not reproduce</h2>\n<p class=\"note\">")
          .append(esc(run.baseline()))
          .append(
              " decided these differently from what was recorded: the live table was"
                  + " another then, or a variable it read was not recorded.</p>\n<table><tr><th class=\"text\">Payment</th>"
                  + "<th class=\"text\">Recorded</th><th class=\"text\">Baseline</th></tr>\n");
      for (Backtest.Row r : b.notReproduced.stream().limit(ROWS).toList()) {
        h.append("<tr><td class=\"text\">")
            .append(esc(r.recorded().transactionId()))
            .append("</td><td class=\"text\">")
            .append(esc(r.recorded().live() + " " + String.valueOf(r.recorded().liveRule())))
            .append("</td><td class=\"text\">")
            .append(
                esc(
                    r.baseline().failed()
                        ? "failed: " + r.baseline().failure()
                        : r.baseline().outcome() + " " + r.baseline().rule()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    if (!b.failures.isEmpty()) {
      h.append(
          "<h2>Payments the candidate could not decide</h2>\n<table><tr><th class=\"text\">Payment</th>"
              + "<th class=\"text\">Engine's message</th></tr>\n");
      for (Backtest.Row r : b.failures.stream().limit(ROWS).toList()) {
        h.append("<tr><td class=\"text\">")
            .append(esc(r.recorded().transactionId()))
            .append("</td><td class=\"text\">")
            .append(esc(r.candidate().failure()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  private static void examples(StringBuilder h, List<Backtest.Row> rows) {
    h.append(
        "<table><tr><th class=\"text\">Payment</th><th class=\"text\">Received</th><th>Amount</th><th>Score</th>"
            + "<th class=\"text\">Live rule</th><th class=\"text\">Candidate rule and reason</th>"
            + "<th class=\"text\">Ended</th><th class=\"text\">Labels</th></tr>\n");
    for (Backtest.Row r : rows.stream().limit(ROWS).toList()) {
      RecordedDecision d = r.recorded();
      h.append("<tr><td class=\"text\">")
          .append(esc(d.transactionId()))
          .append("</td><td class=\"text\">")
          .append(esc(d.receivedAt().toString()))
          .append("</td><td>")
          .append(esc(d.amount()))
          .append("</td><td>")
          .append(d.score() == null ? "–" : String.format(Locale.ROOT, "%.3f", d.score()))
          .append("</td><td class=\"text\">")
          .append(esc(String.valueOf(d.liveRule())))
          .append("</td><td class=\"text\">")
          .append(
              esc(
                  r.candidate().rule()
                      + (r.candidate().reason() == null ? "" : ": " + r.candidate().reason())))
          .append("</td><td class=\"text\">")
          .append(
              esc(
                  d.finalOutcome() == null
                      ? "review pending"
                      : d.finalOutcome() + " by " + d.decidedBy()))
          .append("</td><td class=\"text")
          .append(d.truth() == Truth.FRAUD ? " bad" : "")
          .append("\">")
          .append(esc(d.labels() == null ? "none" : d.labels()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (rows.size() > ROWS) {
      h.append("<p class=\"note\">and ").append(count(rows.size() - ROWS)).append(" more.</p>\n");
    }
  }

  private static void info(StringBuilder h, String name, String value) {
    h.append("<tr><th class=\"text\">")
        .append(esc(name))
        .append("</th><td class=\"text\">")
        .append(esc(value))
        .append("</td></tr>\n");
  }

  private static void figure(StringBuilder h, String name, long live, long candidate, long scale) {
    h.append("<tr><td class=\"text\">")
        .append(esc(name))
        .append("</td><td>")
        .append(count(live))
        .append("</td><td>")
        .append(count(candidate))
        .append("</td><td>")
        .append(signed(candidate - live))
        .append("</td><td class=\"text\">")
        .append(bar(live, scale, ""))
        .append("<br>")
        .append(bar(candidate, scale, " c"))
        .append("</td></tr>\n");
  }

  private static String bar(long value, long scale, String cssClass) {
    double width = Math.min(240, 240.0 * value / scale);
    return String.format(
        Locale.ROOT, "<span class=\"bar%s\" style=\"width:%.1fpx\"></span>", cssClass, width);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String signed(long n) {
    return String.format(Locale.ROOT, "%+,d", n);
  }

  /** Safe in element content and in quoted attribute values alike. */
  static String esc(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (char c : raw.toCharArray()) {
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
}
