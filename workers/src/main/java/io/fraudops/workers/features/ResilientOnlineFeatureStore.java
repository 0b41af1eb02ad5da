package io.fraudops.workers.features;

import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.online.CustomerHistory;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.workers.resilience.Dependency;
import io.fraudops.workers.resilience.DependencyBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The online store as the workers use it: Redis behind the {@code redis} circuit breaker and the
 * {@link OnlineStoreState} gate, with what it misses kept for repair.
 *
 * <ul>
 *   <li>A payment is refused (the feature service then degrades it to review with the reason) while
 *       the store is not known to hold the history, while the breaker is open, or when Redis fails;
 *       the payment goes to the {@link OnlineRepairBacklog}, which writes it into Redis once it is
 *       back.
 *   <li>A broken connection (not a timeout) may mean Redis restarted empty: the breaker opens at
 *       once and the store is unverified until the {@link OnlineStoreMonitor} has checked it.
 *   <li>A label that cannot be written is not an error: it is already in PostgreSQL (the caller
 *       wrote it there first), and it goes to the backlog like a payment.
 * </ul>
 *
 * <p>Per payment this adds a volatile read and the breaker's bookkeeping, no allocation and no
 * thread; the time bound is the Redis client's socket timeout ({@code fraud.redis.timeout}).
 */
public final class ResilientOnlineFeatureStore implements OnlineFeatureStore {

  private final OnlineFeatureStore redis;
  private final OnlineStoreState state;
  private final OnlineRepairBacklog backlog;
  private final DependencyBreakers breakers;
  private final CircuitBreaker breaker;

  ResilientOnlineFeatureStore(
      OnlineFeatureStore redis,
      OnlineStoreState state,
      OnlineRepairBacklog backlog,
      DependencyBreakers breakers) {
    this.redis = redis;
    this.state = state;
    this.backlog = backlog;
    this.breakers = breakers;
    this.breaker = breakers.breaker(Dependency.REDIS);
  }

  @Override
  public CustomerHistory recordAndRead(Transaction tx) {
    String refused = refusal();
    if (refused != null) {
      backlog.missed(tx);
      throw new FeatureStoreUnavailableException(refused);
    }
    long start = System.nanoTime();
    try {
      CustomerHistory history = redis.recordAndRead(tx);
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return history;
    } catch (FeatureStoreUnavailableException e) {
      failed(start, e);
      backlog.missed(tx);
      throw e;
    } catch (RuntimeException e) {
      // Not an outage (an unexpected reply, a bug): counted, and the job fails with it.
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      throw e;
    }
  }

  @Override
  public void recordLabel(LabelEvent label) {
    if (refusal() != null) {
      backlog.missed(label);
      return;
    }
    long start = System.nanoTime();
    try {
      redis.recordLabel(label);
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    } catch (FeatureStoreUnavailableException e) {
      failed(start, e);
      backlog.missed(label);
    } catch (RuntimeException e) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      throw e;
    }
  }

  /** Why a call may not go to Redis now; null when it may (then a permission is held). */
  private String refusal() {
    String unavailable = state.unavailableReason();
    if (unavailable != null) {
      return unavailable;
    }
    return breaker.tryAcquirePermission() ? null : breakers.refusal(Dependency.REDIS);
  }

  private void failed(long start, FeatureStoreUnavailableException e) {
    breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
    if (brokenConnection(e)) {
      state.unverified(
          "the connection to Redis broke (" + e.getMessage() + "); it may have restarted empty");
      breakers.probeFailed(Dependency.REDIS, e);
    }
  }

  /** A refused or reset connection, as when Redis restarts; a slow answer is not one. */
  static boolean brokenConnection(Throwable e) {
    boolean connection = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return false;
      }
      connection |= t instanceof JedisConnectionException;
    }
    return connection;
  }
}
