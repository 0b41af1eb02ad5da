package io.fraudops.workers.features;

import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.PostgresHistory;
import io.fraudops.feature.offline.PostgresLabelStore;
import io.fraudops.feature.offline.PostgresTransactionLedger;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.transaction.Transaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the online store missed while it was out, and its repair. A payment screened while Redis was
 * unavailable was scored without its history and never counted in it; without repair the customer's
 * later payments would not see it (a burst during an outage would hide from the velocity features).
 *
 * <ol>
 *   <li>On the payment's thread: the payment (or label) is put in memory, nothing else.
 *   <li>Every look of the {@link OnlineStoreMonitor}: the backlog goes to PostgreSQL — the payment
 *       into {@code card_transaction} (the ledger the record step writes too, keyed by transaction
 *       id), a label into {@code transaction_label}, and the transaction id into {@code
 *       online_feature_repair}. From here it survives a restart of the workers.
 *   <li>Once Redis holds the history again: the payments of those ids and their labels are replayed
 *       through the same calls screening makes, in time order, and the ids deleted.
 * </ol>
 *
 * Each step is idempotent by transaction id (the store records a transaction and a (transaction,
 * source) label once), so a payment replayed twice, or replayed and also included in a rebuild, is
 * counted once.
 */
final class OnlineRepairBacklog {

  private static final Logger log = LoggerFactory.getLogger(OnlineRepairBacklog.class);
  private static final String QUEUE =
      "INSERT INTO online_feature_repair (transaction_id) VALUES (?) ON CONFLICT DO NOTHING";
  private static final String NEXT =
      "SELECT transaction_id FROM online_feature_repair ORDER BY queued_at, transaction_id LIMIT ?";
  private static final String DONE = "DELETE FROM online_feature_repair WHERE transaction_id = ?";

  private final ConcurrentLinkedDeque<HistoryEvent> missed = new ConcurrentLinkedDeque<>();
  private final AtomicInteger inMemory = new AtomicInteger();
  private final int capacity;
  private final JdbcTemplate jdbc;
  private final PostgresTransactionLedger ledger;
  private final PostgresLabelStore labels;
  private final PostgresHistory history;
  private final Counter dropped;
  private final Counter repaired;
  private volatile long inPostgres;
  private volatile boolean overflowReported;

  OnlineRepairBacklog(DataSource dataSource, int capacity, MeterRegistry meters) {
    this.capacity = capacity;
    this.jdbc = new JdbcTemplate(dataSource);
    this.ledger = new PostgresTransactionLedger(dataSource);
    this.labels = new PostgresLabelStore(dataSource);
    this.history = new PostgresHistory(dataSource, 1_000);
    this.dropped =
        Counter.builder("fraud.online.backlog.dropped")
            .description(
                "payments and labels the online store missed that could not be kept for repair")
            .register(meters);
    this.repaired =
        Counter.builder("fraud.online.repaired")
            .description("payments replayed into the online store after it missed them")
            .register(meters);
    Gauge.builder("fraud.online.backlog", inMemory, AtomicInteger::get)
        .tag("where", "memory")
        .description("what the online store missed, waiting for repair")
        .register(meters);
    Gauge.builder("fraud.online.backlog", this, b -> b.inPostgres)
        .tag("where", "postgres")
        .register(meters);
  }

  void missed(Transaction tx) {
    keep(new HistoryEvent.Payment(tx));
  }

  void missed(LabelEvent label) {
    keep(label);
  }

  private void keep(HistoryEvent event) {
    if (inMemory.incrementAndGet() > capacity) {
      inMemory.decrementAndGet();
      dropped.increment();
      if (!overflowReported) {
        overflowReported = true;
        log.warn(
            "The online store's repair backlog is full ({} in memory, PostgreSQL not taking them): further missed"
                + " payments are not repaired into Redis (fraud_online_backlog_dropped_total counts them)",
            capacity);
      }
      return;
    }
    missed.addLast(event);
  }

  int inMemory() {
    return inMemory.get();
  }

  long inPostgres() {
    return inPostgres;
  }

  /**
   * Moves the in-memory backlog to PostgreSQL, a batch at a time; stops at the first failure and
   * keeps what it could not move, in order.
   *
   * @throws RuntimeException when PostgreSQL does not take a batch (it is kept for the next look)
   */
  void persist(int batchSize) {
    while (true) {
      List<HistoryEvent> batch = new ArrayList<>(batchSize);
      HistoryEvent next;
      while (batch.size() < batchSize && (next = missed.pollFirst()) != null) {
        batch.add(next);
      }
      if (batch.isEmpty()) {
        overflowReported = false;
        return;
      }
      try {
        write(batch);
        inMemory.addAndGet(-batch.size());
      } catch (RuntimeException e) {
        for (int i = batch.size() - 1; i >= 0; i--) {
          missed.addFirst(batch.get(i));
        }
        throw e;
      }
    }
  }

  private void write(List<HistoryEvent> batch) {
    List<Transaction> payments = new ArrayList<>();
    List<LabelEvent> labelEvents = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (HistoryEvent event : batch) {
      switch (event) {
        case HistoryEvent.Payment payment -> {
          payments.add(payment.transaction());
          ids.add(payment.transaction().transactionId());
        }
        case LabelEvent label -> {
          labelEvents.add(label);
          ids.add(label.transactionId());
        }
      }
    }
    // Payments first: a label is only replayed once its payment is in the ledger.
    ledger.recordAll(payments);
    labels.recordAll(labelEvents);
    jdbc.batchUpdate(QUEUE, ids.stream().map(id -> new Object[] {id}).toList());
  }

  /** What one replay did: ids taken off the backlog, and the payments among them replayed. */
  record Replayed(int ids, int payments) {}

  /** Replays one batch of the repairs kept in PostgreSQL into {@code online} and deletes them. */
  Replayed replay(OnlineFeatureStore online, int batchSize) {
    List<String> ids = jdbc.queryForList(NEXT, String.class, batchSize);
    if (ids.isEmpty()) {
      inPostgres = 0;
      return new Replayed(0, 0);
    }
    int payments = 0;
    try (Stream<HistoryEvent> events = history.events(ids)) {
      for (HistoryEvent event : (Iterable<HistoryEvent>) events::iterator) {
        switch (event) {
          case HistoryEvent.Payment payment -> {
            online.recordAndRead(payment.transaction());
            payments++;
          }
          case LabelEvent label -> online.recordLabel(label);
        }
      }
    }
    jdbc.batchUpdate(DONE, ids.stream().map(id -> new Object[] {id}).toList());
    repaired.increment(payments);
    inPostgres = count();
    return new Replayed(ids.size(), payments);
  }

  long count() {
    Long count = jdbc.queryForObject("SELECT count(*) FROM online_feature_repair", Long.class);
    return count == null ? 0 : count;
  }

  void refreshCount() {
    inPostgres = count();
  }
}
