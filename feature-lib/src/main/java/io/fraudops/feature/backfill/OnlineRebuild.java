package io.fraudops.feature.backfill;

import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.PostgresHistory;
import io.fraudops.feature.online.OnlineFeatureStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Rebuilds the online state by replaying the ledger's payments in time order through {@link
 * OnlineFeatureStore#recordAndRead}, the call screening makes, so the state is what serving would
 * have built; labels go through {@link OnlineFeatureStore#recordLabel} at the instant they became
 * known, for the merchant and category fraud rates. Only the order within a customer matters (every
 * key is per customer), so each customer is pinned to one of several threads and the round trips to
 * Redis overlap. Both calls are idempotent, so replaying into a store that already holds some of
 * the history counts nothing twice: the backfill uses it, and so does the application when its
 * online store comes back empty.
 */
public final class OnlineRebuild {

  private static final HistoryEvent END = null;

  private final PostgresHistory history;
  private final OnlineFeatureStore online;
  private final int threads;

  public OnlineRebuild(PostgresHistory history, OnlineFeatureStore online, int threads) {
    this.history = Objects.requireNonNull(history, "history");
    this.online = Objects.requireNonNull(online, "online");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 (got " + threads + ")");
    }
    this.threads = threads;
  }

  /**
   * @return the number of payments replayed
   * @throws io.fraudops.feature.FeatureStoreUnavailableException when a store fails; the replay
   *     stops
   */
  public long run(Consumer<String> progress, int progressEvery) {
    AtomicLong replayed = new AtomicLong();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<BlockingQueue<Item>> queues = new ArrayList<>(threads);
    List<Thread> workers = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      BlockingQueue<Item> queue = new ArrayBlockingQueue<>(4_096);
      queues.add(queue);
      workers.add(
          Thread.ofPlatform()
              .name("online-replay-" + i)
              .start(() -> drain(queue, replayed, failure)));
    }
    long begin = System.nanoTime();
    long sent = 0;
    try (var events = history.stream()) {
      var it = events.iterator();
      while (it.hasNext() && failure.get() == null) {
        HistoryEvent event = it.next();
        // A customer's events stay on one thread, in order; labels feed the fraud-rate features.
        String customer =
            event instanceof HistoryEvent.Payment payment
                ? payment.transaction().customerId()
                : ((LabelEvent) event).customerId();
        put(queues.get(Math.floorMod(customer.hashCode(), threads)), new Item(event));
        if (event instanceof HistoryEvent.Payment) {
          if (++sent % progressEvery == 0) {
            double seconds = (System.nanoTime() - begin) / 1e9;
            long done = replayed.get();
            progress.accept(
                String.format(
                    "[backfill] online state: %,d payments replayed (%,.0f/s)",
                    done, done / seconds));
          }
        }
      }
    } finally {
      for (BlockingQueue<Item> queue : queues) {
        put(queue, new Item(END));
      }
      for (Thread worker : workers) {
        join(worker);
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return replayed.get();
  }

  private void drain(
      BlockingQueue<Item> queue, AtomicLong replayed, AtomicReference<RuntimeException> failure) {
    while (true) {
      Item item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (item.event() == END) {
        return;
      }
      if (failure.get() != null) {
        continue; // keep draining so the reader never blocks on a full queue
      }
      try {
        if (item.event() instanceof HistoryEvent.Payment payment) {
          online.recordAndRead(payment.transaction());
          replayed.incrementAndGet();
        } else {
          online.recordLabel((LabelEvent) item.event());
        }
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      }
    }
  }

  private static void put(BlockingQueue<Item> queue, Item item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while replaying", e);
    }
  }

  private static void join(Thread worker) {
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A queue entry; an empty one ends the worker. */
  private record Item(HistoryEvent event) {}
}
