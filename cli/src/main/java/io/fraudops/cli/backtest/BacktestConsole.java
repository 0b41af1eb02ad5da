package io.fraudops.cli.backtest;

import io.fraudops.workers.process.RoutedOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary on the console: what was re-decided, the matrix, the figures, the limits and a few
 * examples.
 */
final class BacktestConsole {

  private BacktestConsole() {}

  static void print(BacktestRun run, Backtest b, List<Gate> gates, int examples, PrintWriter out) {
    out.printf(
        Locale.ROOT, "=== Backtest of %s (decision %s) ===%n", run.candidate(), b.decisionId);
    out.printf(Locale.ROOT, "  payments            received %s%n", run.period());
    out.printf(
        Locale.ROOT,
        "  re-decided          %,d by the engine%s%n",
        b.rows.size(),
        run.model() == null ? "" : ", re-scored by " + run.model());
    if (!b.withoutInputs.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "  left out            %,d without recorded inputs (decided before inputs were kept)%n",
          b.withoutInputs.size());
    }
    if (!b.failures.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "  candidate failed    %,d: %s%n",
          b.failures.size(),
          b.failures.get(0).candidate().failure());
    }
    if (b.baselineChecked) {
      out.printf(
          Locale.ROOT,
          "  live reproduced     %,d of %,d by %s%s%n",
          b.reproduced,
          b.rows.size(),
          run.baseline(),
          b.notReproduced.isEmpty()
              ? ""
              : "  (the others were decided by another table or lack inputs: see the report)");
    }
    out.println();
    out.println("  outcome matrix: live (rows) → candidate (columns)");
    List<RoutedOutcome> routes = b.routes();
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-12s", ""));
    routes.forEach(r -> head.append(String.format(Locale.ROOT, "%10s", r)));
    out.println(head.append(String.format(Locale.ROOT, "%10s", "total")));
    for (RoutedOutcome from : routes) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-12s", from));
      long total = 0;
      for (RoutedOutcome to : routes) {
        long n = b.cell(from, to);
        total += n;
        line.append(
            String.format(
                Locale.ROOT,
                "%10s",
                from == to
                    ? String.format(Locale.ROOT, "%,d", n)
                    : n == 0 ? "·" : String.format(Locale.ROOT, "%,d", n)));
      }
      out.println(
          line.append(
              String.format(Locale.ROOT, "%10s", String.format(Locale.ROOT, "%,d", total))));
    }
    out.printf(
        Locale.ROOT,
        "  %,d payments change route; %,d keep theirs under another rule%n",
        b.moved(),
        b.sameOutcomeOtherRule);
    out.println();
    out.printf(Locale.ROOT, "  %-34s%10s%12s%10s%n", "", "live", "candidate", "change");
    figure(out, "approved", b.live.approved(), b.candidate.approved());
    figure(out, "declined", b.live.declined(), b.candidate.declined());
    figure(out, "sent to review", b.live.reviews(), b.candidate.reviews());
    out.printf(
        Locale.ROOT,
        "  %-34s%10s%n",
        "fraud (labelled)",
        String.format(Locale.ROOT, "%,d", b.live.fraud()));
    figure(out, "  fraud declined (caught)", b.live.fraudDeclined(), b.candidate.fraudDeclined());
    figure(out, "  fraud sent to review", b.live.fraudReviewed(), b.candidate.fraudReviewed());
    figure(out, "  fraud approved (missed)", b.live.fraudApproved(), b.candidate.fraudApproved());
    figure(
        out,
        "false declines (no fraud label)",
        b.live.falseDeclines(),
        b.candidate.falseDeclines());
    figure(
        out,
        "  of which labelled genuine",
        b.live.genuineDeclined(),
        b.candidate.genuineDeclined());
    if (!gates.isEmpty()) {
      out.println();
      gates.forEach(g -> out.println("  limit  " + g.describe()));
    }
    if (!b.moves.isEmpty() && examples > 0) {
      out.println();
      out.println("  examples (labelled fraud first, then genuine, then the riskiest):");
      for (Map.Entry<Backtest.Move, List<Backtest.Row>> move : b.moves.entrySet()) {
        out.printf(Locale.ROOT, "  %s (%,d)%n", move.getKey(), move.getValue().size());
        move.getValue().stream().limit(examples).forEach(r -> out.println("    " + example(r)));
      }
    }
  }

  static String example(Backtest.Row r) {
    RecordedDecision d = r.recorded();
    String outcome =
        d.finalOutcome() == null
            ? "review pending"
            : d.finalOutcome().toLowerCase(Locale.ROOT)
                + ("engine".equals(d.decidedBy()) || d.decidedBy() == null
                    ? ""
                    : " by " + d.decidedBy());
    return String.format(
        Locale.ROOT,
        "%s  %s  score %s  %s → %s  (%s)  label: %s",
        d.transactionId(),
        d.amount(),
        d.score() == null ? "-" : String.format(Locale.ROOT, "%.3f", d.score()),
        d.liveRule() == null ? d.live() : d.liveRule(),
        r.candidate().rule() == null ? r.candidate().outcome() : r.candidate().rule(),
        outcome,
        d.labels() == null ? "none" : d.labels());
  }

  private static void figure(PrintWriter out, String name, long live, long candidate) {
    out.printf(
        Locale.ROOT,
        "  %-34s%10s%12s%10s%n",
        name,
        String.format(Locale.ROOT, "%,d", live),
        String.format(Locale.ROOT, "%,d", candidate),
        String.format(Locale.ROOT, "%+,d", candidate - live));
  }
}
