package io.fraudops.cli.e2e;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop arrivals: the i-th payment of a phase is due at {@code start + i / rate}, whatever
 * became of the earlier ones. The one thread that starts them sleeps until each is due; when it
 * falls behind (the machine is busy, a start was slow) it starts at once and the arrival counts as
 * late, its latency still measured from when it was due. An arrival while {@code maxInFlight}
 * payments are undecided is dropped and counted, so an overloaded pipeline cannot hold the bench
 * for ever.
 */
final class OpenLoop {

  /** Started this long or more after its due time, an arrival counts as late. */
  static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final InFlight inFlight;
  private final PaymentSource payments;
  private final int maxInFlight;

  OpenLoop(InFlight inFlight, PaymentSource payments, int maxInFlight) {
    this.inFlight = inFlight;
    this.payments = payments;
    this.maxInFlight = maxInFlight;
  }

  /**
   * Offers {@code phase.rate()} arrivals a second for {@code length} from {@code
   * phase.startNanos()}, at most {@code limit} of them.
   *
   * @return when the next arrival after the last one offered would have been due
   */
  long run(Phase phase, Pipeline pipeline, Duration length, long limit) {
    double period = 1e9 / phase.rate();
    long count = Math.min(limit, Math.round(length.toNanos() / period));
    long start = phase.startNanos();
    for (long i = 0; i < count; i++) {
      long due = start + Math.round(i * period);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      long lag = System.nanoTime() - due;
      phase.offered(lag, lag >= LATE_NANOS);
      if (inFlight.size() >= maxInFlight) {
        phase.dropped();
        continue;
      }
      pipeline.start(phase, payments.next(), due);
    }
    return start + Math.round(count * period);
  }
}
