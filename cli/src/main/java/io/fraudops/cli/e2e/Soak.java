package io.fraudops.cli.e2e;

import io.fraudops.cli.replay.LatencyRecorder;
import io.fraudops.local.zeebe.EmbeddedEngine;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The whole application at one rate for a long time: arrivals run on without a pause from one
 * sampling interval to the next, and at each interval's end a row tells the throughput of that
 * interval, the latencies of the decisions made in it, and the heap used after a full GC. After
 * {@code --soak-probes} payments the steady arrivals pause for a probe: the backlog drains, a burst
 * above what the pipeline can do measures the throughput it reaches with that many instances behind
 * it.
 */
final class Soak {

  /** Runs one measured phase, as the runner does for a rate. */
  @FunctionalInterface
  interface PhaseRunner {
    PhaseResult run(OpenLoop loop, Pipeline pipeline, int rate, Duration length)
        throws InterruptedException;
  }

  /** One sample row. */
  record Sample(
      int index,
      double minutes,
      long payments,
      double decidedPerSecond,
      double p50,
      double p99,
      double p999,
      long late,
      long dropped,
      int inFlight,
      long heapAfterGcMiB,
      long residentMiB,
      long engineStateEntries,
      String load) {}

  /** A probe's result. */
  record Probe(long after, PhaseResult result) {}

  private final BenchE2eSettings settings;
  private final OpenLoop loop;
  private final Pipeline pipeline;
  private final InFlight inFlight;
  private final EmbeddedEngine engine;
  private final E2eReport report;
  private final PhaseRunner phases;

  Soak(
      BenchE2eSettings settings,
      OpenLoop loop,
      Pipeline pipeline,
      InFlight inFlight,
      EmbeddedEngine engine,
      E2eReport report,
      PhaseRunner phases) {
    this.settings = settings;
    this.loop = loop;
    this.pipeline = pipeline;
    this.inFlight = inFlight;
    this.engine = engine;
    this.report = report;
    this.phases = phases;
  }

  void run() throws InterruptedException {
    TreeSet<Integer> probesDue = new TreeSet<>(settings.probeAt());
    List<Sample> samples = new ArrayList<>();
    List<Probe> probes = new ArrayList<>();
    report.soakHeader(settings);
    long steadyNanos = settings.soak().toNanos();
    long ranNanos = 0;
    long payments = 0;
    long start = System.nanoTime();
    long next = start + 20_000_000L;
    long lastSampleAt = System.nanoTime();
    long lastDecided = inFlight.decidedTotal();
    inFlight.nextWindow();
    int index = 0;
    while (ranNanos < steadyNanos) {
      Duration length =
          Duration.ofNanos(Math.min(settings.sampleEvery().toNanos(), steadyNanos - ranNanos));
      long limit = probesDue.isEmpty() ? Long.MAX_VALUE : Math.max(1, probesDue.first() - payments);
      Phase phase = new Phase(pipeline.name(), settings.soakRate(), next);
      long end = loop.run(phase, pipeline, length, limit);
      // Wait for the interval's end as scheduled, so each interval is as long as its arrivals.
      while (System.nanoTime() < end) {
        Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
      }
      ranNanos += end - next;
      payments += phase.offeredCount();
      long now = System.nanoTime();
      long decided = inFlight.decidedTotal();
      LatencyRecorder window = inFlight.nextWindow();
      samples.add(
          report.soakRow(
              new Sample(
                  ++index,
                  (now - start) / 6e10,
                  payments,
                  (decided - lastDecided) / ((now - lastSampleAt) / 1e9),
                  window.percentileMillis(50),
                  window.percentileMillis(99),
                  window.percentileMillis(99.9),
                  phase.lateCount(),
                  phase.droppedCount(),
                  inFlight.size(),
                  heapAfterGcMiB(),
                  Machine.residentMiB(),
                  engine.stateEntries(),
                  Machine.loadAverage())));
      next = end;
      if (!probesDue.isEmpty() && payments >= probesDue.first()) {
        probesDue.pollFirst();
        drainAll();
        PhaseResult probe =
            phases.run(loop, pipeline, settings.probeRate(), settings.probeDuration());
        probes.add(report.probeRow(new Probe(payments, probe)));
        payments += probe.phase().offeredCount();
        next = System.nanoTime() + 20_000_000L;
        lastDecided = inFlight.decidedTotal();
        lastSampleAt = System.nanoTime();
        inFlight.nextWindow();
      } else {
        lastDecided = decided;
        lastSampleAt = now;
      }
    }
    drainAll();
    report.soakSummary(samples, probes, settings);
  }

  private void drainAll() throws InterruptedException {
    long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
    while (inFlight.size() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /**
   * Heap still used after a full collection: what the application keeps, not what it has not
   * collected yet.
   */
  private static long heapAfterGcMiB() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
  }
}
