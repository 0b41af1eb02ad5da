package io.fraudops.cli.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time spent between two readings, by who spent it: the JVM's threads grouped by what they do
 * (from their names: the engine's processing and background threads, the thread that sends its gRPC
 * replies, the gRPC transport, the Camunda client's job threads, Tomcat's), the rest of this JVM
 * (garbage collection, the JIT), and the local runtime's PostgreSQL and Redis (child processes).
 * What other processes on the machine spent is not here: the load average says how busy it was.
 */
final class CpuMeter {

  static final String ENGINE = "engine";
  static final String ENGINE_RESPONSES = "engine replies";
  static final String GRPC = "gRPC";
  static final String WORKERS = "job workers";
  static final String HTTP = "HTTP API";
  static final String LEDGER = "ledger listener";
  static final String BENCH = "bench client";
  static final String OTHER_THREADS = "other threads";
  static final String JVM = "GC+JIT";
  static final String STORES = "PostgreSQL+Redis";

  /**
   * One reading: CPU nanoseconds per thread id, of the whole process, and of its children; and the
   * garbage collectors' and the JIT's own accounts (milliseconds, wall time: pauses and compiling).
   */
  record Reading(
      Map<Long, Long> threads,
      Map<Long, String> names,
      long process,
      long children,
      long gcMillis,
      long jitMillis) {}

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  Reading read() {
    Map<Long, Long> cpu = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long time = threads.getThreadCpuTime(info.getThreadId());
      if (time >= 0) {
        cpu.put(info.getThreadId(), time);
        names.put(info.getThreadId(), info.getThreadName());
      }
    }
    long process =
        ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime()
            : 0;
    long children =
        ProcessHandle.current()
            .descendants()
            .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
            .sum();
    long gc =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(b -> Math.max(0, b.getCollectionTime()))
            .sum();
    var compiler = ManagementFactory.getCompilationMXBean();
    long jit =
        compiler != null && compiler.isCompilationTimeMonitoringSupported()
            ? compiler.getTotalCompilationTime()
            : 0;
    return new Reading(cpu, names, process, children, gc, jit);
  }

  /** CPU nanoseconds spent from {@code before} to {@code after}, by group, in a fixed order. */
  static Map<String, Long> spent(Reading before, Reading after) {
    Map<String, Long> groups = new LinkedHashMap<>();
    for (String group :
        new String[] {
          ENGINE, ENGINE_RESPONSES, GRPC, WORKERS, HTTP, LEDGER, BENCH, OTHER_THREADS, JVM, STORES
        }) {
      groups.put(group, 0L);
    }
    long threadTotal = 0;
    for (var entry : after.threads().entrySet()) {
      long spent = entry.getValue() - before.threads().getOrDefault(entry.getKey(), 0L);
      if (spent > 0) {
        groups.merge(group(after.names().get(entry.getKey())), spent, Long::sum);
        threadTotal += spent;
      }
    }
    groups.put(JVM, Math.max(0, after.process() - before.process() - threadTotal));
    groups.put(STORES, Math.max(0, after.children() - before.children()));
    return groups;
  }

  static String group(String name) {
    if (name == null) {
      return OTHER_THREADS;
    }
    if (name.startsWith("embedded-zeebe-responses")) {
      return ENGINE_RESPONSES;
    }
    if (name.contains("zb-") || name.contains("embedded-zeebe")) {
      return ENGINE;
    }
    if (name.startsWith("grpc-")) {
      return GRPC;
    }
    if (name.startsWith("http-nio-")) {
      return HTTP;
    }
    if (name.startsWith("bench-") || name.startsWith("HttpClient-") || name.equals("main")) {
      return BENCH;
    }
    if (name.startsWith("camunda-") || name.startsWith("pool-")) {
      return WORKERS;
    }
    if (name.startsWith("ledger-")) {
      return LEDGER;
    }
    return OTHER_THREADS;
  }

  /** The busiest threads between two readings, for finding out which group a thread belongs to. */
  static Map<String, Long> busiest(Reading before, Reading after, int n) {
    Map<String, Long> byName = new HashMap<>();
    for (var entry : after.threads().entrySet()) {
      long spent = entry.getValue() - before.threads().getOrDefault(entry.getKey(), 0L);
      String name = after.names().get(entry.getKey()).replaceAll("\\d+", "N");
      byName.merge(name, spent, Long::sum);
    }
    Map<String, Long> top = new LinkedHashMap<>();
    byName.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }
}
