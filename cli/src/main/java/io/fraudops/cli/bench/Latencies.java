package io.fraudops.cli.bench;

import java.util.Arrays;

/**
 * A fixed number of latency samples in nanoseconds, and their percentiles. Not thread-safe: one per
 * thread.
 */
final class Latencies {

  private final long[] samples;
  private int count;
  private long[] sorted;

  Latencies(int capacity) {
    samples = new long[capacity];
  }

  /** Preallocated, so recording never allocates or resizes inside the timed loop. */
  void record(long nanos) {
    samples[count++] = nanos;
    sorted = null;
  }

  int count() {
    return count;
  }

  /** All samples of several recorders, e.g. one per thread. */
  static Latencies merge(Iterable<Latencies> parts) {
    int total = 0;
    for (Latencies part : parts) {
      total += part.count;
    }
    Latencies merged = new Latencies(total);
    for (Latencies part : parts) {
      System.arraycopy(part.samples, 0, merged.samples, merged.count, part.count);
      merged.count += part.count;
    }
    return merged;
  }

  /** The p-th percentile (0..100) in microseconds, nearest-rank; NaN when empty. */
  double percentileMicros(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    if (sorted == null) {
      sorted = Arrays.copyOf(samples, count);
      Arrays.sort(sorted);
    }
    // The tolerance keeps binary rounding from moving a rank up: 99.9 / 100 * 1000 is
    // 999.0000000000001.
    int rank = (int) Math.ceil(p / 100.0 * count - 1e-9);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e3;
  }

  double maxMicros() {
    return percentileMicros(100);
  }

  double meanMicros() {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      sum += samples[i];
    }
    return count == 0 ? Double.NaN : sum / 1e3 / count;
  }
}
