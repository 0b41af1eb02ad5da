package io.fraudops.cli.replay;

import java.util.Arrays;

/** Collects latencies (nanoseconds) and reports percentiles; thread-safe. */
public final class LatencyRecorder {

  private long[] samples = new long[1024];
  private int count;

  public synchronized void record(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  public synchronized int count() {
    return count;
  }

  /** The p-th percentile (0..100) in milliseconds, nearest-rank; NaN when empty. */
  public synchronized double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    // The tolerance keeps floating-point noise (99.9 / 100 * 1000 = 999.0000000000001) from
    // pushing the rank one sample too high.
    int rank = (int) Math.ceil(p / 100.0 * count - 1e-9);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
  }
}
