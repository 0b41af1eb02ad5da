package io.fraudops.cli.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.FeatureService;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.catalogue.FeatureVector;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.online.OnlineStoreSettings;
import io.fraudops.feature.online.RedisOnlineFeatureStore;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ScoreResult;
import io.fraudops.model.scoring.Scorer;
import io.fraudops.workers.features.GuardedStores;
import io.fraudops.workers.resilience.DependencyBreakers;
import io.fraudops.workers.resilience.FeatureReadPool;
import io.fraudops.workers.resilience.PostgresTimeouts;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The two steps of screening one payment, built from the same classes the workers wire: features
 * from Redis and the cached PostgreSQL profiles, each behind its circuit breaker as in the workers
 * ({@link GuardedStores}), then the model with its reason codes. Thread-safe.
 */
final class HotPath implements AutoCloseable {

  private final PostgresCustomerProfiles profiles;
  private final FeatureReadPool reads;
  private final FeatureService features;
  private final ModelArtifact artifact;
  private final Scorer scorer;
  private final String[] inputs;

  HotPath(BenchStores stores, String modelLocation, String keyPrefix) {
    FeatureCatalogue catalogue = FeatureCatalogue.current();
    this.profiles = new PostgresCustomerProfiles(stores.dataSource());
    DependencyBreakers breakers =
        new DependencyBreakers(CircuitBreakerRegistry.ofDefaults(), new SimpleMeterRegistry());
    try {
      this.reads =
          new FeatureReadPool(
              stores.dataSource().unwrap(HikariDataSource.class),
              new PostgresTimeouts(
                  Duration.ofMillis(300), 4, Duration.ofSeconds(1), Duration.ofSeconds(1), 2));
    } catch (SQLException e) {
      throw new IllegalStateException("the benchmark's data source is not a Hikari pool", e);
    }
    this.features =
        new FeatureService(
            GuardedStores.verifiedOnline(
                new RedisOnlineFeatureStore(
                    stores.jedis(), OnlineStoreSettings.defaults().withKeyPrefix(keyPrefix)),
                stores.dataSource(),
                breakers,
                new SimpleMeterRegistry()),
            GuardedStores.profiles(reads, breakers, Duration.ofMinutes(5)),
            catalogue);
    this.artifact = ModelArtifact.load(modelLocation);
    List<String> names = artifact.info().featureNames();
    List<String> unknown = names.stream().filter(name -> catalogue.indexOf(name) < 0).toList();
    if (!unknown.isEmpty()) {
      artifact.close();
      throw new IllegalArgumentException(
          "model " + modelLocation + " needs features the catalogue does not have: " + unknown);
    }
    this.inputs = names.toArray(String[]::new);
    this.scorer = artifact.scorer();
  }

  PostgresCustomerProfiles profiles() {
    return profiles;
  }

  String model() {
    return artifact.info().name() + ":" + artifact.info().version();
  }

  int modelFeatures() {
    return inputs.length;
  }

  /** One Redis round trip (records the payment), plus the profile, usually from the cache. */
  FeatureResult features(Transaction tx) {
    return features.featuresFor(tx);
  }

  /**
   * The model's input row in the model's order, by name as ServingModel maps it, then the score.
   */
  ScoreResult score(FeatureVector vector) {
    double[] row = new double[inputs.length];
    for (int i = 0; i < row.length; i++) {
      row[i] = vector.get(inputs[i]);
    }
    return scorer.score(row);
  }

  @Override
  public void close() {
    artifact.close();
    reads.close();
  }
}
