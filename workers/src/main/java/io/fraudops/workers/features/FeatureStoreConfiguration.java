package io.fraudops.workers.features;

import io.fraudops.feature.FeatureService;
import io.fraudops.feature.connection.RedisConnections;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.offline.CachedCustomerProfiles;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.offline.LabelStore;
import io.fraudops.feature.offline.PostgresLabelStore;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.offline.PostgresTransactionLedger;
import io.fraudops.feature.offline.TransactionLedger;
import io.fraudops.feature.online.OnlineFeatureStore;
import io.fraudops.feature.online.OnlineStoreSettings;
import io.fraudops.feature.online.RedisOnlineFeatureStore;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import redis.clients.jedis.JedisPooled;

/** Wires feature-lib's stores to Redis and PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class FeatureStoreConfiguration {

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

  @Bean
  OnlineFeatureStore onlineFeatureStore(JedisPooled jedis, RedisProperties properties) {
    OnlineStoreSettings defaults = OnlineStoreSettings.defaults();
    return new RedisOnlineFeatureStore(
        jedis, new OnlineStoreSettings(properties.keyPrefix(), defaults.eventRetention(), defaults.firstSeenTtl()));
  }

  @Bean
  PostgresCustomerProfiles postgresCustomerProfiles(DataSource dataSource) {
    return new PostgresCustomerProfiles(dataSource);
  }

  @Bean
  @Primary
  CustomerProfiles customerProfiles(PostgresCustomerProfiles profiles, RedisProperties properties) {
    return new CachedCustomerProfiles(profiles, properties.profileCacheTtl(), 200_000);
  }

  // Both write inside the record step's database transaction (with the payment ledger and the audit row):
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
  FeatureService featureService(OnlineFeatureStore online, CustomerProfiles profiles, FeatureCatalogue catalogue) {
    return new FeatureService(online, profiles, catalogue);
  }
}
