package io.fraudops.workers.replay;

import java.util.Arrays;

/** Collects latencies (nanoseconds) and reports percentiles; thread-safe. */
final class LatencyRecorder {

  private long[] samples = new long[1024];
  private int count;

  synchronized void record(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  synchronized int count() {
    return count;
  }

  /** The p-th percentile (0..100) in milliseconds, nearest-rank; NaN when empty. */
  synchronized double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
  }
}
