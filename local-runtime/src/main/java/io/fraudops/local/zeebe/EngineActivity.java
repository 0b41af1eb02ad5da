package io.fraudops.local.zeebe;

import io.camunda.zeebe.stream.impl.StreamProcessor;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Tells whether the engine is working or waiting, for tests that must wait for it.
 *
 * <p>It polls rather than hooking into each append, so it costs nothing while nobody waits. Idle
 * means: the processor has reached the end of the log, and nothing was appended during a short
 * grace period (processing a command may append follow-up commands a moment later).
 */
final class EngineActivity {

  private static final long POLL_MILLIS = 5;
  private static final long GRACE_MILLIS = 50;

  private final StreamProcessor processor;
  private final ProcessedLogStorage log;

  EngineActivity(StreamProcessor processor, ProcessedLogStorage log) {
    this.processor = processor;
    this.log = log;
  }

  void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long appended = log.appendedBlocks();
      if (processedAll()) {
        Thread.sleep(GRACE_MILLIS);
        if (log.appendedBlocks() == appended && processedAll()) {
          return;
        }
      } else {
        Thread.sleep(POLL_MILLIS);
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("The engine was still busy after " + timeout);
      }
    }
  }

  /** Returns once the engine writes anything after this call (a command or its results). */
  void awaitBusy(Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long appended = log.appendedBlocks();
    while (log.appendedBlocks() == appended) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("The engine received nothing to do within " + timeout);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private boolean processedAll() {
    return processor.hasProcessingReachedTheEnd().join();
  }
}
