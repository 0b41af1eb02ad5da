package io.fraudops.feature.synthetic;

import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generated payments with the labels a fraud team would learn about them, as {@link HistoryEvent}s
 * in {@link HistoryEvent#at()} order: every fraud gets a chargeback 3 to 45 days later, and
 * reviewed payments (a share of all, more of the fraud, which raises alerts) an analyst's verdict 2
 * to 30 minutes later. Invalid payloads are left out: they never become payments. Deterministic for
 * a seed; works on endless streams (labels wait in a queue until their time).
 */
public final class LabelledHistory {

  static final double REVIEW_SHARE = 0.04;
  static final double FRAUD_REVIEW_SHARE = 0.35;
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();

  private LabelledHistory() {}

  public static Stream<HistoryEvent> of(Stream<LabelledTransaction> rows, long seed) {
    Iterator<HistoryEvent> events = new Events(rows.iterator(), new Random(seed ^ 0x1ABE15L));
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private record Pending(LabelEvent label, long order) {
    static final Comparator<Pending> ORDER =
        Comparator.comparing((Pending p) -> p.label().knownAt()).thenComparingLong(Pending::order);
  }

  private static final class Events implements Iterator<HistoryEvent> {

    private final Iterator<LabelledTransaction> rows;
    private final Random random;
    private final PriorityQueue<Pending> labels = new PriorityQueue<>(Pending.ORDER);
    private LabelledTransaction next;
    private long order;

    Events(Iterator<LabelledTransaction> rows, Random random) {
      this.rows = rows;
      this.random = random;
    }

    @Override
    public boolean hasNext() {
      return peek() != null || !labels.isEmpty();
    }

    @Override
    public HistoryEvent next() {
      LabelledTransaction row = peek();
      // A label known at the same instant as a payment goes first; features only use labels known
      // strictly before a payment, so the tie order cannot change them.
      if (!labels.isEmpty()
          && (row == null
              || !labels.peek().label().knownAt().isAfter(row.transaction().timestamp()))) {
        return labels.poll().label();
      }
      if (row == null) {
        throw new NoSuchElementException();
      }
      next = null;
      plan(row);
      return new HistoryEvent.Payment(row.transaction());
    }

    private LabelledTransaction peek() {
      while (next == null && rows.hasNext()) {
        LabelledTransaction row = rows.next();
        if (row.valid()) {
          next = row;
        }
      }
      return next;
    }

    private void plan(LabelledTransaction row) {
      Transaction tx = row.transaction();
      long t = tx.epochMillis();
      if (random.nextDouble() < (row.fraud() ? FRAUD_REVIEW_SHARE : REVIEW_SHARE)) {
        add(label(tx, row.fraud(), "analyst", t + (2 + random.nextInt(29)) * MINUTE));
      }
      if (row.fraud()) {
        add(
            label(
                tx,
                true,
                "chargeback",
                t + (3 + random.nextInt(43)) * DAY + random.nextInt((int) DAY)));
      }
    }

    private void add(LabelEvent label) {
      labels.add(new Pending(label, order++));
    }

    private static LabelEvent label(Transaction tx, boolean fraud, String source, long knownAt) {
      return new LabelEvent(
          tx.transactionId(),
          tx.customerId(),
          tx.merchantId(),
          tx.merchantCategory(),
          fraud,
          Objects.requireNonNull(source),
          Instant.ofEpochMilli(knownAt));
    }
  }
}
