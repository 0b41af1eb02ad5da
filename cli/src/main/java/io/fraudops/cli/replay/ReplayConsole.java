package io.fraudops.cli.replay;

import io.fraudops.cli.replay.ReplayTracker.Result;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.model.drift.DriftTable;
import io.fraudops.model.drift.DriftWindow;
import io.fraudops.workers.review.ReviewInbox;
import io.fraudops.workers.scoring.ServingModel;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Prints the replay's progress and summary for a person at a terminal. */
@Component
@Profile("replay")
class ReplayConsole {

  private final PrintStream out = System.out;
  private final ServingModel model;

  /** Absent against a real cluster, where reviews wait in Tasklist. */
  private final ReviewInbox inbox;

  ReplayConsole(ServingModel model, ObjectProvider<ReviewInbox> inbox) {
    this.model = model;
    this.inbox = inbox.getIfAvailable();
  }

  void line(String format, Object... args) {
    out.printf("[replay] " + format + "%n", args);
    out.flush();
  }

  void header(String runTag, ReplayProperties p, SyntheticWorld world) {
    line(
        "run %s: %,d customers, %,d merchants, seed %d; screening %,d payments after %,d of history; model %s",
        runTag,
        p.customers(),
        p.merchants(),
        p.seed(),
        p.transactions(),
        p.warmup(),
        model.describe());
  }

  void progress(int sent, int total, Map<Result, Integer> counts, long elapsedNanos) {
    int decided = counts.values().stream().mapToInt(Integer::intValue).sum();
    line(
        "%,6d / %,d started | %,6d decided: approved %,d, declined %,d, rejected %,d, review %,d | %,.0f/s",
        sent,
        total,
        decided,
        counts.get(Result.APPROVED),
        counts.get(Result.DECLINED),
        counts.get(Result.REJECTED),
        counts.get(Result.WAITING_FOR_REVIEW),
        decided / (elapsedNanos / 1e9));
  }

  /**
   * Why this run's waiting reviews are there; DATA_MISSING would mean a store or the model failed.
   * Reviews left by earlier runs (re-opened after a restart) share the inbox, so only ids of this
   * run (they start with its tag) are counted, to add up to the line's number.
   */
  private String reviewRules(String runTag) {
    if (inbox == null) {
      return "";
    }
    String prefix = runTag + "-";
    Map<String, Long> rules =
        new TreeMap<>(
            inbox.pending().stream()
                .filter(
                    review ->
                        review.transactionId() != null && review.transactionId().startsWith(prefix))
                .collect(
                    Collectors.groupingBy(
                        review -> String.valueOf(review.rule()), Collectors.counting())));
    return rules.isEmpty() ? "" : "(by rule: " + rules + ")";
  }

  void summary(ReplayResult r) {
    Map<Result, Integer> c = r.counts();
    out.println();
    out.println("=== Replay summary (run " + r.runTag() + ") ===");
    out.printf("  started              %,7d%n", r.started());
    out.printf("  approved             %,7d%n", c.get(Result.APPROVED));
    out.printf("  declined             %,7d%n", c.get(Result.DECLINED));
    out.printf("  rejected (invalid)   %,7d%n", c.get(Result.REJECTED));
    out.printf(
        "  waiting for review   %,7d   %s%n",
        c.get(Result.WAITING_FOR_REVIEW), reviewRules(r.runTag()));
    out.printf(
        "  unaccounted          %,7d   %s%n",
        r.unaccounted(),
        r.unaccounted() == 0
            ? "(nothing lost: started = approved + declined + rejected + waiting for review)"
            : "(payments without a decision: "
                + r.undecidedPayments().stream().limit(10).toList()
                + ")");
    if (r.failedToStart() > 0) {
      out.printf(
          "  refused              %,7d   (transaction id taken by another payload)%n",
          r.failedToStart());
    }
    out.printf(
        "  ledger               %s   %s%n",
        r.ledger(),
        r.ledgerOpen() == 0
            ? "(every accepted payment decided or waiting for an analyst)"
            : "(" + r.ledgerOpen() + " still open: the recovery starts them again)");
    out.printf(
        "  decision latency     p50 %.1f ms, p99 %.1f ms   (payment submitted -> decision recorded or review open)%n",
        r.latency().percentileMillis(50), r.latency().percentileMillis(99));
    out.printf(
        "  throughput           %,.0f decisions/s   (%,d in %.1f s)%n",
        r.decisionsPerSecond(), r.accounted(), r.elapsedNanos() / 1e9);
    out.printf(
        "  audit table          %s   %s%n",
        r.auditCounts(),
        r.auditMatches()
            ? "(matches: one row per decided payment)"
            : "(DOES NOT MATCH the decisions seen)");
    out.printf(
        "  model                %s   (decisions per version: %s)%n",
        model.describe(), r.modelVersions());
    model
        .currentWindow()
        .map(DriftWindow::snapshot)
        .ifPresent(
            drift ->
                out.printf(
                    "  drift vs training    score PSI %.4f over the last %,d scores; %s%n",
                    drift.score().psi(),
                    drift.observations(),
                    DriftTable.verdict(drift).replaceFirst("^verdict: ", "")));
    out.println();
    out.flush();
  }
}
