package io.fraudops.workers.features;

import io.fraudops.feature.FeatureService;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.connection.RedisConnections;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.offline.LabelStore;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.offline.PostgresLabelStore;
import io.fraudops.feature.offline.PostgresTransactionLedger;
import io.fraudops.feature.offline.TransactionLedger;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.online.OnlineStoreSettings;
import io.fraudops.feature.online.RedisOnlineFeatureStore;
import io.fraudops.workers.resilience.DependencyBreakers;
import io.fraudops.workers.resilience.FeatureReadPool;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import redis.clients.jedis.JedisPooled;

/**
 * Wires feature-lib's stores to Redis and PostgreSQL. Screening reads them through their guarded
 * forms: the online store behind the Redis breaker, the emptiness check and the repair backlog
 * ({@link ResilientOnlineFeatureStore}); profiles from the short-timeout feature-read pool behind
 * the PostgreSQL breaker, under the cache.
 */
@Configuration(proxyBeanMethods = false)
class FeatureStoreConfiguration {

  /** Marks a Redis that holds the history; see {@link OnlineStoreMonitor}. */
  static final String SENTINEL = "online-store:filled-at";

  @Bean(destroyMethod = "close")
  JedisPooled jedis(RedisProperties properties) {
    if (properties.url() == null || properties.url().isBlank()) {
      throw new IllegalStateException(
          "fraud.redis.url is not set: point it at the online feature store (redis://host:6379); "
              + "./fraud serve starts a local one");
    }
    return RedisConnections.pooled(properties.url(), properties.timeout());
  }

  @Bean
  FeatureCatalogue featureCatalogue() {
    return FeatureCatalogue.current();
  }

  /**
   * Redis itself, for the rebuild and the repair; everything else gets {@link #onlineFeatureStore}.
   */
  @Bean
  RedisOnlineFeatureStore redisOnlineFeatureStore(JedisPooled jedis, RedisProperties properties) {
    OnlineStoreSettings defaults = OnlineStoreSettings.defaults();
    return new RedisOnlineFeatureStore(
        jedis,
        new OnlineStoreSettings(
            properties.keyPrefix(), defaults.eventRetention(), defaults.firstSeenTtl()));
  }

  @Bean
  OnlineStoreState onlineStoreState() {
    return new OnlineStoreState();
  }

  @Bean
  OnlineRepairBacklog onlineRepairBacklog(
      DataSource dataSource, OnlineStoreProperties online, MeterRegistry meters) {
    return new OnlineRepairBacklog(dataSource, online.backlogCapacity(), meters);
  }

  @Bean
  @Primary
  OnlineFeatureStore onlineFeatureStore(
      RedisOnlineFeatureStore redis,
      OnlineStoreState state,
      OnlineRepairBacklog backlog,
      DependencyBreakers breakers) {
    return new ResilientOnlineFeatureStore(redis, state, backlog, breakers);
  }

  @Bean
  OnlineStoreMonitor onlineStoreMonitor(
      JedisPooled jedis,
      RedisOnlineFeatureStore redis,
      RedisProperties properties,
      OnlineStoreState state,
      OnlineRepairBacklog backlog,
      DependencyBreakers breakers,
      DataSource dataSource,
      UndecidedPayments undecided,
      OnlineStoreProperties online,
      MeterRegistry meters) {
    return new OnlineStoreMonitor(
        jedis,
        redis,
        properties.keyPrefix() + SENTINEL,
        state,
        backlog,
        breakers,
        dataSource,
        undecided,
        online,
        meters);
  }

  /**
   * On the main pool: writes (the replay's synthetic profiles) and reads off the screening path.
   */
  @Bean
  PostgresCustomerProfiles postgresCustomerProfiles(DataSource dataSource) {
    return new PostgresCustomerProfiles(dataSource);
  }

  @Bean
  @Primary
  CustomerProfiles customerProfiles(
      FeatureReadPool reads, DependencyBreakers breakers, RedisProperties properties) {
    return GuardedStores.profiles(reads, breakers, properties.profileCacheTtl());
  }

  // Both write inside the record step's database transaction (with the payment ledger and the audit
  // row):
  // the proxy hands them the transaction's connection when there is one.
  @Bean
  TransactionLedger transactionLedger(DataSource dataSource) {
    return new PostgresTransactionLedger(new TransactionAwareDataSourceProxy(dataSource));
  }

  @Bean
  LabelStore labelStore(DataSource dataSource) {
    return new PostgresLabelStore(new TransactionAwareDataSourceProxy(dataSource));
  }

  @Bean
  FeatureService featureService(
      OnlineFeatureStore online, CustomerProfiles profiles, FeatureCatalogue catalogue) {
    return new FeatureService(online, profiles, catalogue);
  }
}
