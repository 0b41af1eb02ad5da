package io.fraudops.cli.e2e;

import java.time.Duration;
import java.util.List;

/**
 * What {@code ./fraud bench-e2e} runs, checked once: the offered rates and how long each lasts, the
 * latency bound that makes a rate "sustained", and the soak.
 *
 * @param rates offered arrival rates, payments per second, each run for {@code duration}
 * @param duration how long arrivals are offered at each rate
 * @param p99Bound a rate is sustained when the decision's p99 stays under this (and nothing is lost
 *     or left behind)
 * @param answerWait the synchronous answer's deadline asked for ({@code Prefer: wait=}, whole
 *     seconds)
 * @param warmUp unreported phases per pipeline first, for the JIT: half at a quarter of {@link
 *     #WARM_UP_RATE}/s, half at {@link #WARM_UP_RATE}/s
 * @param drainTimeout how long to wait after a phase for its last decisions
 * @param history payments written to the feature store before any is screened
 * @param customers synthetic customers
 * @param merchants synthetic merchants
 * @param seed the generator's seed
 * @param noOp also run the no-op pipeline (the engine's own limit) at every rate
 * @param captureRecords capture the engine's records for the breakdown by record type (slows the
 *     engine)
 * @param soak when positive: a soak of this length at {@code soakRate} instead of the rates
 * @param soakRate the soak's offered rate
 * @param sampleEvery the soak's sampling interval
 * @param probeAt during the soak, after this many payments, a burst at {@code probeRate} measures
 *     the throughput reached
 * @param probeRate the probes' offered rate, above what the pipeline can do
 * @param probeDuration how long a probe offers arrivals
 * @param soakReviewAfter during the soak, an analyst approves each review this long after it
 *     opened; zero: nobody does
 * @param maxInFlight arrivals beyond this many undecided payments are dropped (and counted), so an
 *     overloaded run ends instead of queueing without bound
 */
public record BenchE2eSettings(
    List<Integer> rates,
    Duration duration,
    Duration p99Bound,
    Duration answerWait,
    Duration warmUp,
    Duration drainTimeout,
    int history,
    int customers,
    int merchants,
    long seed,
    boolean noOp,
    boolean captureRecords,
    Duration soak,
    int soakRate,
    Duration sampleEvery,
    List<Integer> probeAt,
    int probeRate,
    Duration probeDuration,
    Duration soakReviewAfter,
    int maxInFlight) {

  public static final int WARM_UP_RATE = 20;

  public BenchE2eSettings {
    rates = List.copyOf(rates == null ? List.of() : rates);
    probeAt = List.copyOf(probeAt == null ? List.of() : probeAt);
    positive("--duration", duration);
    positive("--p99-bound", p99Bound);
    positive("--drain-timeout", drainTimeout);
    positive("--sample-every", sampleEvery);
    positive("--probe-duration", probeDuration);
    if (answerWait == null || answerWait.toMillis() < 1000 || answerWait.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException(
          "--answer-wait must be whole seconds, at least 1s (it is sent as Prefer: wait=<seconds>), not "
              + answerWait);
    }
    if (warmUp == null || warmUp.isNegative()) {
      throw new IllegalArgumentException("--warm-up must be 0s or more, not " + warmUp);
    }
    if (soakReviewAfter == null || soakReviewAfter.isNegative()) {
      throw new IllegalArgumentException(
          "--soak-review-after must be 0s (nobody reviews) or more, not " + soakReviewAfter);
    }
    if (soak == null || soak.isNegative()) {
      throw new IllegalArgumentException("--soak must be 0s (no soak) or more, not " + soak);
    }
    if (soak.isZero() && rates.isEmpty()) {
      throw new IllegalArgumentException("--rates needs at least one rate, e.g. --rates=10,25,50");
    }
    for (int rate : rates) {
      rate("--rates", rate);
    }
    rate("--soak-rate", soakRate);
    rate("--probe-rate", probeRate);
    for (int at : probeAt) {
      if (at < 1) {
        throw new IllegalArgumentException(
            "--soak-probes are payment counts, at least 1, not " + at);
      }
    }
    if (history < 0 || customers < 1 || merchants < 1) {
      throw new IllegalArgumentException(
          "--history must be 0 or more, --customers and --merchants at least 1 (got "
              + history
              + ", "
              + customers
              + ", "
              + merchants
              + ")");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("--max-in-flight must be at least 1, not " + maxInFlight);
    }
  }

  public boolean soaking() {
    return !soak.isZero();
  }

  /**
   * Payments the run may screen at most, so the synthetic stream can be laid out to end about now.
   */
  long plannedPayments() {
    double seconds = duration.toSeconds();
    long planned = (long) (WARM_UP_RATE * warmUp.toSeconds() * 2L);
    for (int rate : rates) {
      planned += (long) (rate * seconds * (noOp ? 2 : 1));
    }
    if (soaking()) {
      planned +=
          (long) soakRate * soak.toSeconds()
              + (long) probeAt.size() * probeRate * probeDuration.toSeconds();
    }
    return planned + 1_000;
  }

  private static void positive(String option, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          option + " must be a positive duration (e.g. 30s, 100ms), not " + value);
    }
  }

  private static void rate(String option, int rate) {
    if (rate < 1 || rate > 5_000) {
      throw new IllegalArgumentException(
          option + ": a rate is 1 to 5000 payments per second, not " + rate);
    }
  }
}
