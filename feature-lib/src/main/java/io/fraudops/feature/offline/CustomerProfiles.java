package io.fraudops.feature.offline;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where profiles are looked up. A missing profile is normal: a customer we know nothing about yet.
 */
@FunctionalInterface
public interface CustomerProfiles {

  /**
   * @throws io.fraudops.feature.FeatureStoreUnavailableException when the store cannot be read
   */
  Optional<CustomerProfile> find(String customerId);

  /** Fixed profiles held in memory, e.g. a synthetic world's when building a training set. */
  static CustomerProfiles of(Collection<CustomerProfile> profiles) {
    Map<String, CustomerProfile> byId =
        profiles.stream()
            .collect(
                Collectors.toUnmodifiableMap(CustomerProfile::customerId, Function.identity()));
    return customerId -> Optional.ofNullable(byId.get(customerId));
  }
}
