package io.fraudops.cli.bench;

/**
 * One phase's figures.
 *
 * @param wallNanos from the first payment started to the last one scored, across all threads
 * @param largestShare the busiest thread's share of the payments; the phase ends with that thread
 */
record PhaseResult(
    String name, int threads, Measurement measurement, long wallNanos, double largestShare) {

  double paymentsPerSecond() {
    return measurement.count() / (wallNanos / 1e9);
  }
}
