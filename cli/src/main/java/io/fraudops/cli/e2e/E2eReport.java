package io.fraudops.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Prints the bench's figures for a person at a terminal, as they come, then the summary. */
final class E2eReport {

  private static final String ROW =
      "%5s %-6s %7s %7s %5s %5s %7s %5s %9s  %8s %8s %8s  %8s %8s %8s %6s %6s  %7s %5s  %s";

  private final PrintStream out;
  private boolean tableStarted;

  E2eReport(PrintStream out) {
    this.out = out;
  }

  void line(String text) {
    out.println("[bench-e2e] " + text);
    out.flush();
  }

  void header(String runTag, BenchE2eSettings s, String machine, String load) {
    out.println();
    out.println("=== bench-e2e (run " + runTag + ") ===");
    out.println("machine     " + machine);
    out.println(
        "load        "
            + load
            + " (1/5/15-minute load average at the start; other processes share the machine)");
    if (s.soaking()) {
      out.printf(
          "soak        full pipeline at %d/s for %s, sampled every %s; probes at %d/s for %s after %s payments%n",
          s.soakRate(),
          human(s.soak()),
          human(s.sampleEvery()),
          s.probeRate(),
          human(s.probeDuration()),
          s.probeAt());
    } else {
      out.printf(
          "rates       %s per second, %s each (open loop); then each rate again through the no-op pipeline: %s%n",
          s.rates(), human(s.duration()), s.noOp() ? "yes" : "no");
    }
    out.println(
        "full        POST /transactions with Prefer: wait="
            + s.answerWait().toSeconds()
            + " (HTTP Basic) -> intake, ledger, engine, the real workers (Redis, PostgreSQL, CatBoost), DMN");
    out.println(
        "no-op       the same BPMN and DMN on a second embedded engine in this JVM; each job completed at once"
            + " with canned variables; answer = createProcessInstance().withResult()");
    out.println(
        "latency     from each arrival's scheduled time: decision = ledger decision or review opened"
            + " (no-op: record step reached); answer = the synchronous answer (APPROVED, DECLINED, REVIEW_PENDING)");
    out.flush();
  }

  PhaseResult phase(PhaseResult r) {
    if (!tableStarted) {
      tableStarted = true;
      out.println();
      out.printf(
          (ROW) + "%n",
          "rate",
          "pipe",
          "offered",
          "started",
          "late",
          "drop",
          "decided",
          "undec",
          "decided/s",
          "dec p50",
          "dec p99",
          "dec p99.9",
          "ans p50",
          "ans p99",
          "ans p99.9",
          "ans>dl",
          "failed",
          "rec/dec",
          "jobs",
          "load");
    }
    Phase p = r.phase();
    long jobs = r.jobs().values().stream().mapToLong(t -> t.jobs.sum()).sum();
    out.printf(
        (ROW) + "%n",
        r.rate(),
        r.pipeline(),
        p.offeredCount(),
        p.startedCount(),
        p.lateCount(),
        p.droppedCount(),
        p.decidedCount(),
        r.undecided(),
        f1(r.decidedPerSecond()),
        f1(r.decisionMs(50)),
        f1(r.decisionMs(99)),
        f1(r.decisionMs(99.9)),
        f1(r.answerMs(50)),
        f1(r.answerMs(99)),
        f1(r.answerMs(99.9)),
        p.pastDeadlineCount(),
        p.failedCount(),
        f1(r.perDecision(r.records())),
        f1(r.perDecision(jobs)),
        r.load());
    if (p.firstFailure() != null) {
      out.println("      first failure: " + p.firstFailure());
    }
    out.flush();
    return r;
  }

  void summary(List<PhaseResult> results, BenchE2eSettings s) {
    double bound = s.p99Bound().toNanos() / 1e6;
    out.println();
    out.println(
        "(ms; late = started >= 5 ms after its scheduled time; drop = not started, "
            + s.maxInFlight()
            + " undecided already; undec = not decided when the drain ended; ans>dl = answered 202 at"
            + " the deadline; rec/dec = engine records per decision; jobs = jobs per decision)");
    out.println();
    out.println("full ÷ no-op (decisions/s reached; p99 of the decision):");
    Map<Integer, PhaseResult> full = byRate(results, "full");
    Map<Integer, PhaseResult> noOp = byRate(results, "no-op");
    for (var entry : full.entrySet()) {
      PhaseResult f = entry.getValue();
      PhaseResult n = noOp.get(entry.getKey());
      if (n == null) {
        continue;
      }
      out.printf(
          "  %4d/s  throughput %5.1f / %5.1f = %.2f   p99 %7.1f / %7.1f ms%n",
          entry.getKey(),
          f.decidedPerSecond(),
          n.decidedPerSecond(),
          f.decidedPerSecond() / n.decidedPerSecond(),
          f.decisionMs(99),
          n.decisionMs(99));
    }
    out.println();
    Optional<Integer> sustainedFull = sustained(full, bound);
    Optional<Integer> sustainedNoOp = sustained(noOp, bound);
    out.printf(
        "sustained   (p99 of the decision <= %s ms, all decided, >= 95 %% of the rate reached; highest rate from"
            + " the lowest up without a miss)%n",
        f1(bound));
    out.println("  full      " + sustainedFull.map(r -> r + "/s").orElse("none of the rates"));
    if (!noOp.isEmpty()) {
      out.println("  no-op     " + sustainedNoOp.map(r -> r + "/s").orElse("none of the rates"));
    }
    PhaseResult at50 = full.get(50);
    out.println("goals (issue 10, 2 cores, embedded):");
    if (at50 != null) {
      out.printf(
          "  p99 < 100 ms at 50 decisions/s:      %s (p99 %.1f ms, %.1f decisions/s)%n",
          at50.decisionMs(99) < 100 && at50.decidedPerSecond() >= 47.5 ? "met" : "NOT met",
          at50.decisionMs(99),
          at50.decidedPerSecond());
    } else {
      out.println("  p99 < 100 ms at 50 decisions/s:      not measured (50 is not among --rates)");
    }
    if (!noOp.isEmpty()) {
      int upTo = sustainedFull.orElse(0);
      List<String> misses = new ArrayList<>();
      for (var entry : full.entrySet()) {
        PhaseResult n = noOp.get(entry.getKey());
        if (entry.getKey() <= upTo
            && n != null
            && entry.getValue().decidedPerSecond() < 0.85 * n.decidedPerSecond()) {
          misses.add(entry.getKey() + "/s");
        }
      }
      out.printf(
          "  full ÷ no-op >= 0.85 up to %s:   %s%n",
          upTo == 0 ? "(none sustained)" : upTo + "/s",
          upTo == 0 ? "n/a" : misses.isEmpty() ? "met" : "NOT met at " + misses);
    }
    out.flush();
  }

  /** Where the time goes, per decision and rate: CPU by group, jobs by type. */
  void breakdown(List<PhaseResult> results) {
    out.println();
    out.println(
        "CPU per decision (ms), by who spent it (job workers = the workers' handlers; PostgreSQL+Redis = the"
            + " local stores' processes; GC+JIT = this JVM's CPU outside its Java threads; GC ms and JIT ms = what the"
            + " collectors and compilers report, per decision):");
    List<String> groups =
        results.isEmpty() ? List.of() : List.copyOf(results.get(0).cpuNanos().keySet());
    StringBuilder head = new StringBuilder(String.format("%5s %-6s", "rate", "pipe"));
    groups.forEach(g -> head.append(String.format(" %10s", abbreviate(g))));
    head.append(String.format(" %8s %10s %8s %8s", "total", "cores busy", "GC ms", "JIT ms"));
    out.println(head);
    for (PhaseResult r : results) {
      StringBuilder row = new StringBuilder(String.format("%5d %-6s", r.rate(), r.pipeline()));
      long total = 0;
      for (String g : groups) {
        long nanos = r.cpuNanos().getOrDefault(g, 0L);
        total += nanos;
        row.append(String.format(" %10s", f2(r.perDecision(nanos / 1e6))));
      }
      row.append(
          String.format(
              " %8s %10s %8s %8s",
              f2(r.perDecision(total / 1e6)),
              f2(total / 1e9 / r.wallSeconds()),
              f2(r.perDecision(r.gcMillis())),
              f2(r.perDecision(r.jitMillis()))));
      out.println(row);
    }
    out.println();
    out.println(
        "jobs by type (per job: variables fetched and sent back, bytes of JSON; in worker = from the job's"
            + " arrival to its completion being sent; complete = the completion's round trip):");
    out.printf(
        "%5s %-6s %-28s %8s %9s %8s %10s %10s%n",
        "rate", "pipe", "job type", "per dec", "fetched B", "sent B", "in worker", "complete");
    for (PhaseResult r : results) {
      for (var entry : r.jobs().entrySet()) {
        JobTraffic.Totals t = entry.getValue();
        long jobs = t.jobs.sum();
        long finished = t.finished.sum();
        long trips = t.completeRoundTrips.sum();
        out.printf(
            "%5d %-6s %-28s %8s %9s %8s %10s %10s%n",
            r.rate(),
            r.pipeline(),
            entry.getKey(),
            f2(r.perDecision(jobs)),
            jobs == 0 ? "-" : String.valueOf(t.fetchedBytes.sum() / jobs),
            finished == 0 ? "-" : String.valueOf(t.sentBytes.sum() / finished),
            finished == 0 ? "-" : f2(t.inWorkerNanos.sum() / 1e6 / finished) + " ms",
            trips == 0 ? "-" : f2(t.completeNanos.sum() / 1e6 / trips) + " ms");
      }
    }
    out.flush();
  }

  /** The engine's captured records by type and intent, per process instance created. */
  void records(String pipeline, List<String> records) {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, long[]> byType = new HashMap<>();
    long instances = 0;
    long bytes = 0;
    for (String record : records) {
      try {
        JsonNode node = mapper.readTree(record);
        String key =
            node.path("recordType").asText()
                + " "
                + node.path("valueType").asText()
                + " "
                + node.path("intent").asText();
        if (node.path("valueType").asText().equals("JOB")) {
          key += " " + node.path("value").path("type").asText();
        }
        long[] totals = byType.computeIfAbsent(key, k -> new long[2]);
        totals[0]++;
        totals[1] += record.length();
        bytes += record.length();
        if ("PROCESS_INSTANCE_CREATION".equals(node.path("valueType").asText())
            && "CREATED".equals(node.path("intent").asText())) {
          instances++;
        }
      } catch (Exception e) {
        // not JSON: counted nowhere
      }
    }
    out.println();
    out.printf(
        "%s engine: %,d records captured for %,d instances created: %.1f records and %,.0f bytes of record JSON per"
            + " instance. By type (per instance; the 25 largest by bytes):%n",
        pipeline,
        records.size(),
        instances,
        instances == 0 ? 0 : records.size() / (double) instances,
        instances == 0 ? 0 : bytes / (double) instances);
    final long n = Math.max(1, instances);
    byType.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .limit(25)
        .forEach(
            e ->
                out.printf(
                    "  %-70s %6.2f %9.0f B%n",
                    e.getKey(), e.getValue()[0] / (double) n, e.getValue()[1] / (double) n));
    out.flush();
  }

  void accounted(Map<String, Long> left, String load) {
    out.println();
    if (left.isEmpty()) {
      out.println(
          "accounted   every payment started was decided (or waits for review) and answered or counted above");
    } else {
      out.println("accounted   payments started and not decided by the end of the drain: " + left);
    }
    out.println("load        " + load + " (1/5/15-minute load average at the end)");
    out.flush();
  }

  void soakHeader(BenchE2eSettings s) {
    out.println();
    out.printf(
        "%5s %7s %9s %9s %8s %8s %8s %5s %5s %6s %9s %7s %13s  %s%n",
        "#",
        "minutes",
        "payments",
        "decided/s",
        "dec p50",
        "dec p99",
        "p99.9",
        "late",
        "drop",
        "open",
        "heap MiB",
        "RSS MiB",
        "state entries",
        "load");
    out.flush();
  }

  Soak.Sample soakRow(Soak.Sample s) {
    out.printf(
        "%5d %7.1f %9d %9s %8s %8s %8s %5d %5d %6d %9d %7d %13d  %s%n",
        s.index(),
        s.minutes(),
        s.payments(),
        f1(s.decidedPerSecond()),
        f1(s.p50()),
        f1(s.p99()),
        f1(s.p999()),
        s.late(),
        s.dropped(),
        s.inFlight(),
        s.heapAfterGcMiB(),
        s.residentMiB(),
        s.engineStateEntries(),
        s.load());
    out.flush();
    return s;
  }

  Soak.Probe probeRow(Soak.Probe probe) {
    PhaseResult r = probe.result();
    out.printf(
        "      probe after %,d payments: %d/s offered for %.0f s -> %.1f decisions/s, p50 %.1f ms, p99 %.1f ms,"
            + " %d dropped, %d undecided, load %s%n",
        probe.after(),
        r.rate(),
        r.wallSeconds(),
        r.decidedPerSecond(),
        r.decisionMs(50),
        r.decisionMs(99),
        r.phase().droppedCount(),
        r.undecided(),
        r.load());
    out.flush();
    return probe;
  }

  void soakSummary(List<Soak.Sample> samples, List<Soak.Probe> probes, BenchE2eSettings s) {
    out.println();
    out.println(
        "(heap MiB = heap used right after a full GC, the engine's state included; RSS = the whole"
            + " process; state entries = the engine's state, all column families; open = payments"
            + " undecided at the sample)");
    if (samples.size() >= 2) {
      Soak.Sample first = samples.get(Math.min(1, samples.size() - 1));
      Soak.Sample last = samples.getLast();
      out.printf(
          "heap after GC: %d MiB at sample %d, %d MiB at the end (%+.1f KB per payment in between)%n",
          first.heapAfterGcMiB(),
          first.index(),
          last.heapAfterGcMiB(),
          (last.heapAfterGcMiB() - first.heapAfterGcMiB())
              * 1024.0
              / Math.max(1, last.payments() - first.payments()));
    }
    if (probes.size() >= 2) {
      Soak.Probe early = probes.getFirst();
      Soak.Probe late = probes.getLast();
      double ratio = late.result().decidedPerSecond() / early.result().decidedPerSecond();
      out.printf(
          "throughput after %,d payments ÷ after %,d: %.1f / %.1f = %.3f (goal >= 0.9: %s)%n",
          late.after(),
          early.after(),
          late.result().decidedPerSecond(),
          early.result().decidedPerSecond(),
          ratio,
          ratio >= 0.9 ? "met" : "NOT met");
    }
    out.flush();
  }

  private static Map<Integer, PhaseResult> byRate(List<PhaseResult> results, String pipeline) {
    Map<Integer, PhaseResult> map = new TreeMap<>();
    results.stream().filter(r -> r.pipeline().equals(pipeline)).forEach(r -> map.put(r.rate(), r));
    return map;
  }

  /** The highest rate from the lowest up before the first that is not sustained. */
  private static Optional<Integer> sustained(Map<Integer, PhaseResult> byRate, double bound) {
    Integer best = null;
    for (var entry : byRate.entrySet()) {
      if (!entry.getValue().sustained(bound)) {
        break;
      }
      best = entry.getKey();
    }
    return Optional.ofNullable(best);
  }

  private static String abbreviate(String group) {
    return group.length() <= 10 ? group : group.substring(0, 10);
  }

  private static String f1(double value) {
    return Double.isNaN(value) ? "-" : String.format("%.1f", value);
  }

  private static String f2(double value) {
    return Double.isNaN(value) ? "-" : String.format("%.2f", value);
  }

  static String human(java.time.Duration d) {
    return d.toString().substring(2).toLowerCase();
  }
}
