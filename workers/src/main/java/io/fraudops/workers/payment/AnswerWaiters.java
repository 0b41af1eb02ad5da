package io.fraudops.workers.payment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Requests of this replica waiting for a payment's state to change. Woken by {@link LedgerListener}
 * (PostgreSQL notifications, sent by whichever replica changed the payment), so a synchronous
 * answer does not depend on which replica ran the process's workers.
 */
class AnswerWaiters {

  private final Map<String, List<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

  /**
   * A future completed at the payment's next state change (or never: the caller bounds the wait).
   */
  CompletableFuture<Void> next(String transactionId) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    waiting.computeIfAbsent(transactionId, id -> new CopyOnWriteArrayList<>()).add(future);
    return future;
  }

  void forget(String transactionId, CompletableFuture<Void> future) {
    waiting.computeIfPresent(
        transactionId,
        (id, futures) -> {
          futures.remove(future);
          return futures.isEmpty() ? null : futures;
        });
  }

  void changed(String transactionId) {
    List<CompletableFuture<Void>> futures = waiting.remove(transactionId);
    if (futures != null) {
      futures.forEach(f -> f.complete(null));
    }
  }

  /** Wakes every waiter: after a lost connection, notifications may have been missed. */
  void wakeAll() {
    waiting.keySet().forEach(this::changed);
  }

  int size() {
    return waiting.size();
  }
}
