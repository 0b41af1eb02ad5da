package io.fraudops.cli.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on, and how busy it was. */
final class Machine {

  private Machine() {}

  static String describe() {
    Runtime runtime = Runtime.getRuntime();
    long memory =
        ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getTotalMemorySize()
            : 0;
    return String.format(
        "%d cores, %.1f GiB memory, %s %s; JDK %s (%s); heap max %.1f GiB; %s",
        runtime.availableProcessors(),
        memory / (double) (1L << 30),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        Runtime.version(),
        System.getProperty("java.vendor"),
        runtime.maxMemory() / (double) (1L << 30),
        cpuModel());
  }

  /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return one < 0 ? "n/a" : String.format("%.2f", one);
    }
  }

  /** The 1-minute load average alone. */
  static String load1() {
    return loadAverage().split(" ")[0];
  }

  /**
   * Resident memory of this process (heap, RocksDB's native memory, code), MiB; -1 when unknown.
   */
  static long residentMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return "cpu unknown";
  }
}
