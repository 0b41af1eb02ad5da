package io.fraudops.workers.features;

import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.offline.CustomerProfile;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.workers.resilience.Dependency;
import io.fraudops.workers.resilience.DependencyBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Profile reads behind the {@code postgres} circuit breaker. It sits under the profile cache, so
 * only misses reach it; while the breaker is open a miss fails at once and the feature service
 * degrades the payment to review (a cached profile, even expired, is still served). Reads use the
 * feature-read pool, whose short network timeout bounds a read on a stalled database.
 */
final class ResilientCustomerProfiles implements CustomerProfiles {

  private final CustomerProfiles postgres;
  private final DependencyBreakers breakers;
  private final CircuitBreaker breaker;

  ResilientCustomerProfiles(CustomerProfiles postgres, DependencyBreakers breakers) {
    this.postgres = postgres;
    this.breakers = breakers;
    this.breaker = breakers.breaker(Dependency.POSTGRES);
  }

  @Override
  public Optional<CustomerProfile> find(String customerId) {
    if (!breaker.tryAcquirePermission()) {
      throw new FeatureStoreUnavailableException(breakers.refusal(Dependency.POSTGRES));
    }
    long start = System.nanoTime();
    try {
      Optional<CustomerProfile> profile = postgres.find(customerId);
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return profile;
    } catch (RuntimeException e) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      throw e;
    }
  }
}
