package io.fraudops.cli.bench;

import io.fraudops.feature.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Screens payments on several threads, each thread owning a fixed subset of the customers. A
 * customer's payments are then handled one after another in time order, as a partitioned consumer
 * would, so every payment sees the history it would see in production.
 */
final class ConcurrentPhase {

  private ConcurrentPhase() {}

  static PhaseResult run(HotPath path, List<Transaction> payments, int threads) throws Exception {
    List<List<Transaction>> shares = partition(payments, threads);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Measurement>> running = new ArrayList<>(threads);
      for (List<Transaction> share : shares) {
        running.add(
            pool.submit(
                () -> {
                  Measurement measurement = new Measurement(share.size());
                  go.await();
                  for (Transaction tx : share) {
                    measurement.screen(path, tx);
                  }
                  return measurement;
                }));
      }
      // Released together, so the wall time covers only screening, not thread start-up.
      long start = System.nanoTime();
      go.countDown();
      List<Measurement> done = new ArrayList<>(threads);
      for (Future<Measurement> future : running) {
        done.add(future.get());
      }
      long wall = System.nanoTime() - start;
      int largest = shares.stream().mapToInt(List::size).max().orElse(0);
      return new PhaseResult(
          "concurrent", threads, Measurement.merge(done), wall, (double) largest / payments.size());
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<List<Transaction>> partition(List<Transaction> payments, int threads) {
    List<List<Transaction>> shares = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      shares.add(new ArrayList<>(payments.size() / threads + 1));
    }
    for (Transaction tx : payments) {
      shares.get(Math.floorMod(tx.customerId().hashCode(), threads)).add(tx);
    }
    return shares;
  }
}
