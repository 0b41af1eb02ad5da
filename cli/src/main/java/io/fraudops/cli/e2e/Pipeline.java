package io.fraudops.cli.e2e;

/**
 * Where the bench sends payments: the whole application, or the same process with no-op workers.
 */
interface Pipeline {

  String name();

  /**
   * Starts one payment without waiting for it: registers it in flight, sends it, and reports its
   * answer to the phase when it comes.
   */
  void start(Phase phase, BenchPayment payment, long dueNanos);

  /** Records the pipeline's engine has written so far. */
  long recordsWritten();

  /** The jobs its workers took and completed, seen on the wire. */
  JobTraffic traffic();
}
