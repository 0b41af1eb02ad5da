package io.fraudops.feature.offline;

import io.fraudops.feature.FeatureStoreUnavailableException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Keeps recently used profiles in memory so the hot path usually makes no database round trip.
 * Profiles change in batch, so serving one up to {@code ttl} old is fine. Absent profiles are
 * cached too: new customers are frequent, and each would otherwise cost a query. Least recently
 * used entries go first once {@code maxEntries} is reached.
 *
 * <p>When the delegate fails and an expired entry is still held, that entry is served: a profile a
 * little older than the TTL is better than none while the database is away. Concurrent misses for
 * one customer may each query the delegate; that is harmless and keeps the lock out of the I/O.
 */
public final class CachedCustomerProfiles implements CustomerProfiles {

  private final CustomerProfiles delegate;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Cached> entries;

  public CachedCustomerProfiles(CustomerProfiles delegate, Duration ttl, int maxEntries) {
    this(delegate, ttl, maxEntries, System::nanoTime);
  }

  CachedCustomerProfiles(
      CustomerProfiles delegate, Duration ttl, int maxEntries, LongSupplier nanoTime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive (got " + ttl + ")");
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1 (got " + maxEntries + ")");
    }
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > maxEntries;
          }
        };
  }

  @Override
  public Optional<CustomerProfile> find(String customerId) {
    long now = nanoTime.getAsLong();
    Cached cached;
    synchronized (entries) {
      cached = entries.get(customerId);
    }
    if (cached != null && now - cached.loadedAtNanos() < ttlNanos) {
      return cached.profile();
    }
    Optional<CustomerProfile> loaded;
    try {
      loaded = delegate.find(customerId);
    } catch (FeatureStoreUnavailableException e) {
      if (cached != null) {
        return cached.profile();
      }
      throw e;
    }
    synchronized (entries) {
      entries.put(customerId, new Cached(loaded, now));
    }
    return loaded;
  }

  public void invalidate(String customerId) {
    synchronized (entries) {
      entries.remove(customerId);
    }
  }

  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private record Cached(Optional<CustomerProfile> profile, long loadedAtNanos) {}
}
