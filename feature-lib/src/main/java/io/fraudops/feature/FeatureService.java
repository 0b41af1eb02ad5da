package io.fraudops.feature;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.catalogue.FeatureComputer;
import io.fraudops.feature.catalogue.FeatureVector;
import io.fraudops.feature.offline.CustomerProfile;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.online.CustomerHistory;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The features of one transaction, from the online store (recent behaviour) and the profiles
 * (long-term behaviour). Never fails because a store is down: a fraud check that throws would stall
 * the payment, so it answers with what it has and says what is missing. Thread-safe.
 */
public final class FeatureService {

  private final OnlineFeatureStore online;
  private final CustomerProfiles profiles;
  private final FeatureComputer computer;

  public FeatureService(
      OnlineFeatureStore online, CustomerProfiles profiles, FeatureCatalogue catalogue) {
    this.online = Objects.requireNonNull(online, "online");
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.computer = new FeatureComputer(catalogue);
  }

  /** Records the transaction in the online store (idempotently) and returns its features. */
  public FeatureResult featuresFor(Transaction tx) {
    Objects.requireNonNull(tx, "tx");
    List<String> problems = new ArrayList<>(2);
    CustomerHistory history = null;
    try {
      history = online.recordAndRead(tx);
    } catch (FeatureStoreUnavailableException e) {
      problems.add("online feature store unavailable: " + e.getMessage());
    }
    Optional<CustomerProfile> profile = null;
    try {
      profile = profiles.find(tx.customerId());
    } catch (FeatureStoreUnavailableException e) {
      problems.add("customer profile store unavailable: " + e.getMessage());
    }
    FeatureVector vector =
        profile == null
            ? computer.computeWithoutProfile(tx, history)
            : computer.compute(tx, history, profile.orElse(null));
    return problems.isEmpty()
        ? FeatureResult.complete(vector)
        : FeatureResult.degraded(vector, String.join("; ", problems));
  }

  public FeatureCatalogue catalogue() {
    return computer.catalogue();
  }
}
