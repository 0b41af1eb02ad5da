package io.fraudops.workers.scoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of what the poller did: swaps made, model changes and configurations rejected. */
final class ServingMetrics {

  private final Counter swapped;
  private final Counter rejected;
  private final Counter configRejected;

  ServingMetrics(MeterRegistry meters) {
    swapped = Counter.builder("fraud.model.swaps").tag("result", "ok").register(meters);
    rejected = Counter.builder("fraud.model.swaps").tag("result", "rejected").register(meters);
    configRejected = Counter.builder("fraud.inference.config.rejections").register(meters);
  }

  void swapped() {
    swapped.increment();
  }

  void rejected() {
    rejected.increment();
  }

  void configRejected() {
    configRejected.increment();
  }
}
