package io.fraudops.workers.features;

import io.fraudops.feature.backfill.OnlineRebuild;
import io.fraudops.feature.offline.PostgresHistory;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.workers.resilience.Dependency;
import io.fraudops.workers.resilience.DependencyBreakers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Looks at Redis every {@link OnlineStoreProperties#checkInterval()} and keeps the online store
 * whole.
 *
 * <p>A sentinel key, written when the store was last filled, tells a store that holds the history
 * from one that is new or came back empty (a restart without persistence, a flush, a failover to an
 * empty replica): Redis answering is not enough, since an empty store answers every read with "no
 * history" and the features look complete. With no sentinel the state is rebuilt from PostgreSQL
 * (the decided payments and the labels, replayed as the backfill does, then the payment ledger's
 * {@link UndecidedPayments}: a payment in review counts in Redis from its screening on, and so it
 * must after a rebuild), payments going to review meanwhile; then the sentinel is written and
 * scoring resumes. Each look also moves the {@link OnlineRepairBacklog} to PostgreSQL and, while
 * the store is ready, replays it into Redis.
 *
 * <p>The look is the Redis breaker's probe: a broken connection or two failed looks in a row open
 * it, and the first good look after failed ones (or after a rebuild) closes it.
 *
 * <p>At start the first look runs before the job workers open (this lifecycle's phase is earlier),
 * so a fresh Redis is filled before the first payment, up to {@link
 * OnlineStoreProperties#rebuildWaitAtStart()}.
 */
final class OnlineStoreMonitor implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OnlineStoreMonitor.class);

  /** The last look at Redis. */
  record Look(boolean ok, Instant at, String error, int failuresInARow) {}

  private final UnifiedJedis redis;
  private final OnlineFeatureStore store;
  private final String sentinelKey;
  private final OnlineStoreState state;
  private final OnlineRepairBacklog backlog;
  private final DependencyBreakers breakers;
  private final DataSource dataSource;
  private final UndecidedPayments undecided;
  private final OnlineStoreProperties properties;
  private final Counter rebuilds;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("online-store-monitor").factory());
  private volatile Look last = new Look(false, null, "not checked yet", 0);
  private volatile boolean running;
  private boolean started;
  private boolean backlogCounted;
  private String reportedRebuildFailure;
  private String reportedBacklogFailure;

  /**
   * @param store the Redis store itself, not the guarded one: the rebuild and the repair write to
   *     it while payments are still refused
   */
  OnlineStoreMonitor(
      UnifiedJedis redis,
      OnlineFeatureStore store,
      String sentinelKey,
      OnlineStoreState state,
      OnlineRepairBacklog backlog,
      DependencyBreakers breakers,
      DataSource dataSource,
      UndecidedPayments undecided,
      OnlineStoreProperties properties,
      MeterRegistry meters) {
    this.redis = redis;
    this.store = store;
    this.sentinelKey = Objects.requireNonNull(sentinelKey, "sentinelKey");
    this.state = state;
    this.backlog = backlog;
    this.breakers = breakers;
    this.dataSource = dataSource;
    this.undecided = undecided;
    this.properties = properties;
    this.rebuilds =
        Counter.builder("fraud.online.rebuilds")
            .description(
                "times the online store was rebuilt from PostgreSQL because it came back empty")
            .register(meters);
  }

  Look last() {
    return last;
  }

  @Override
  public void start() {
    Future<?> first = executor.submit(this::lookSafely);
    try {
      first.get(properties.rebuildWaitAtStart().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn(
          "The online store is still being rebuilt after {}; the job workers open now and payments go to review"
              + " until it is done",
          properties.rebuildWaitAtStart());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.warn("The first look at the online store failed: {}", e.getCause().toString());
    }
    long every = properties.checkInterval().toMillis();
    executor.scheduleWithFixedDelay(this::lookSafely, every, every, TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the job workers (the Camunda client's lifecycle has the default, last phase). */
  @Override
  public int getPhase() {
    return 0;
  }

  private void lookSafely() {
    try {
      look();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again.
      log.warn("Looking at the online store failed: {}", e.toString());
    }
  }

  /** One look; on the monitor's thread only. */
  void look() {
    persistBacklog();
    boolean present;
    try {
      present = redis.exists(sentinelKey);
    } catch (JedisException e) {
      failed(e);
      started = true;
      return;
    }
    boolean recovered = last.failuresInARow() > 0;
    last = new Look(true, Instant.now(), null, 0);
    if (!present) {
      rebuild();
    } else if (state.current().phase() != OnlineStoreState.Phase.READY || recovered) {
      state.ready();
      breakers.probeSucceeded(Dependency.REDIS);
    }
    if (state.current().phase() == OnlineStoreState.Phase.READY) {
      repair();
    }
    started = true;
  }

  private void failed(JedisException e) {
    int failures = last.failuresInARow() + 1;
    last =
        new Look(
            false, Instant.now(), e.getClass().getSimpleName() + ": " + e.getMessage(), failures);
    if (ResilientOnlineFeatureStore.brokenConnection(e)) {
      if (state.current().phase() == OnlineStoreState.Phase.READY) {
        state.unverified(
            "the connection to Redis broke (" + e.getMessage() + "); it may have restarted empty");
      }
      breakers.probeFailed(Dependency.REDIS, e);
    } else if (failures >= 2) {
      breakers.probeFailed(Dependency.REDIS, e);
    }
  }

  private void rebuild() {
    state.rebuilding();
    rebuilds.increment();
    if (started) {
      log.warn(
          "Redis holds no sentinel key {}: it came back empty (restarted without persistence, flushed or failed"
              + " over). Rebuilding the online state from PostgreSQL; payments go to review until it is done",
          sentinelKey);
    } else {
      log.info(
          "Redis holds no sentinel key {} (new or empty): filling the online state from PostgreSQL",
          sentinelKey);
    }
    long begin = System.nanoTime();
    try {
      long payments =
          new OnlineRebuild(new PostgresHistory(dataSource), store, properties.rebuildThreads())
              .run(line -> log.info("{}", line.replace("[backfill] ", "")), 100_000);
      // Then what the offline history does not hold yet: payments in review or being screened.
      List<Transaction> open = undecided.notInHistory();
      for (Transaction tx : open) {
        store.recordAndRead(tx);
      }
      redis.set(sentinelKey, Instant.now().toString());
      state.ready();
      breakers.probeSucceeded(Dependency.REDIS);
      reportedRebuildFailure = null;
      log.info(
          "Online state rebuilt from PostgreSQL: {} decided payments and {} not decided yet (in review or being"
              + " screened) in {} ms",
          payments,
          open.size(),
          Duration.ofNanos(System.nanoTime() - begin).toMillis());
    } catch (RuntimeException e) {
      String why =
          "rebuilding the online state from PostgreSQL failed ("
              + e.getMessage()
              + "); trying again";
      state.unverified(why);
      if (!why.equals(reportedRebuildFailure)) {
        reportedRebuildFailure = why;
        log.warn("{}", why);
      }
    }
  }

  private void persistBacklog() {
    if (backlog.inMemory() == 0) {
      return;
    }
    try {
      backlog.persist(properties.repairBatch());
      backlog.refreshCount();
      reportedBacklogFailure = null;
    } catch (RuntimeException e) {
      // PostgreSQL is out too: its breaker reports that; the backlog stays in memory meanwhile.
      if (reportedBacklogFailure == null) {
        reportedBacklogFailure = e.getMessage();
        log.debug("Cannot keep the online store's backlog in PostgreSQL yet: {}", e.toString());
      }
    }
  }

  private void repair() {
    try {
      if (!backlogCounted) {
        // Rows may be left from before a restart; after that the backlog keeps the count itself.
        backlog.refreshCount();
        backlogCounted = true;
      }
      while (backlog.inPostgres() > 0 && !Thread.currentThread().isInterrupted()) {
        OnlineRepairBacklog.Replayed replayed = backlog.replay(store, properties.repairBatch());
        log.info(
            "Replayed {} payments the online store missed ({} still waiting)",
            replayed.payments(),
            backlog.inPostgres());
      }
    } catch (RuntimeException e) {
      log.debug(
          "Repairing the online store stopped, will go on at the next look: {}", e.toString());
    }
  }
}
