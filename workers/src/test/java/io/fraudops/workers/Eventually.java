package io.fraudops.workers;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls until something shows up: process instances run asynchronously. */
public final class Eventually {

  private Eventually() {}

  public static <T> T get(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
