package io.fraudops.workers.features;

import io.fraudops.feature.FeatureService;
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
import io.fraudops.workers.embedded.EmbeddedRedisConfiguration.EmbeddedRedisEndpoint;
import java.net.URI;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;

/** Wires feature-lib's stores to Redis and PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class FeatureStoreConfiguration {

  @Bean(destroyMethod = "close")
  JedisPooled jedis(RedisProperties properties, ObjectProvider<EmbeddedRedisEndpoint> embedded) {
    String url =
        properties.url() != null && !properties.url().isBlank()
            ? properties.url()
            : embedded.getObject().url();
    URI uri = URI.create(url);
    int timeoutMillis = (int) properties.timeout().toMillis();
    var config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(timeoutMillis).socketTimeoutMillis(timeoutMillis);
    if (uri.getUserInfo() != null) {
      String[] credentials = uri.getUserInfo().split(":", 2);
      if (credentials.length == 2) {
        config.user(credentials[0].isEmpty() ? null : credentials[0]).password(credentials[1]);
      } else {
        config.password(credentials[0]);
      }
    }
    config.ssl("rediss".equals(uri.getScheme()));
    JedisClientConfig clientConfig = config.build();
    return new JedisPooled(new HostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), clientConfig);
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

  @Bean
  TransactionLedger transactionLedger(DataSource dataSource) {
    return new PostgresTransactionLedger(dataSource);
  }

  @Bean
  LabelStore labelStore(DataSource dataSource) {
    return new PostgresLabelStore(dataSource);
  }

  @Bean
  FeatureService featureService(OnlineFeatureStore online, CustomerProfiles profiles, FeatureCatalogue catalogue) {
    return new FeatureService(online, profiles, catalogue);
  }
}
