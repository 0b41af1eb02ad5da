package io.fraudops.workers.features;

import io.fraudops.feature.offline.CachedCustomerProfiles;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.workers.resilience.DependencyBreakers;
import io.fraudops.workers.resilience.FeatureReadPool;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The stores as screening reads them, guarded by the breakers: built here for the workers and for
 * {@code ./fraud bench}, so the benchmark measures what a payment pays for the guards.
 */
public final class GuardedStores {

  static final int PROFILE_CACHE_ENTRIES = 200_000;

  private GuardedStores() {}

  /**
   * Profiles from the short-timeout feature-read pool, behind the PostgreSQL breaker, under the
   * cache: only misses reach the breaker and the database.
   */
  public static CustomerProfiles profiles(
      FeatureReadPool reads, DependencyBreakers breakers, Duration cacheTtl) {
    return new CachedCustomerProfiles(
        new ResilientCustomerProfiles(new PostgresCustomerProfiles(reads.reads()), breakers),
        cacheTtl,
        PROFILE_CACHE_ENTRIES);
  }

  /**
   * The online store behind the Redis breaker, taken as verified (a benchmark has no monitor
   * looking at Redis); what it misses is kept for repair into {@code postgres}.
   */
  public static OnlineFeatureStore verifiedOnline(
      OnlineFeatureStore redis,
      DataSource postgres,
      DependencyBreakers breakers,
      MeterRegistry meters) {
    OnlineStoreState state = new OnlineStoreState();
    state.ready();
    return new ResilientOnlineFeatureStore(
        redis, state, new OnlineRepairBacklog(postgres, 100_000, meters), breakers);
  }
}
