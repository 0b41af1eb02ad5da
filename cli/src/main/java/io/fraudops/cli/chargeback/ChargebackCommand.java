package io.fraudops.cli.chargeback;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.feature.chargeback.Chargeback;
import io.fraudops.feature.chargeback.Chargebacks;
import io.fraudops.feature.chargeback.UnknownTransactionException;
import io.fraudops.feature.connection.Credentials;
import io.fraudops.feature.connection.RedisConnections;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.online.OnlineStoreSettings;
import io.fraudops.feature.online.RedisOnlineFeatureStore;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import redis.clients.jedis.JedisPooled;

/**
 * {@code ./fraud chargeback}: labels a payment as fraud after a chargeback, as {@code POST /chargebacks}
 * does. Thin: the work is feature-lib's {@link Chargebacks}; this class only opens the stores. Exit codes:
 * 0 recorded (or already), 1 unknown transaction id, 2 bad input.
 */
@Command(
    name = "chargeback",
    mixinStandardHelpOptions = true,
    description = {
      "Labels a payment as fraud after a chargeback: the next training export and, with --redis-url, the",
      "merchant and category fraud rates of later payments count it. The same as POST /chargebacks."
    })
public final class ChargebackCommand implements Callable<Integer> {

  @Option(names = "--transaction-id", required = true, description = "The disputed payment's transaction id.")
  String transactionId;

  @Option(names = "--reason", required = true, description = "The reason given, e.g. \"4837 no cardholder authorization\".")
  String reason;

  @Option(names = "--date", required = true, description = "The day the chargeback was reported (YYYY-MM-DD).")
  String date;

  @Option(names = "--jdbc-url", description = "The offline store (default: the embedded PostgreSQL in --postgres-data-dir).")
  String jdbcUrl;

  @Option(names = "--jdbc-user", description = "Its user.")
  String jdbcUser;

  @Option(names = "--jdbc-password", description = "Its password.")
  String jdbcPassword;

  @Option(names = "--postgres-data-dir", defaultValue = ".data/postgres", description = "Embedded PostgreSQL data (default: ${DEFAULT-VALUE}); stop ./fraud serve first.")
  Path postgresDataDir;

  @Option(names = "--postgres-port", defaultValue = "54329", description = "Embedded PostgreSQL port (default: ${DEFAULT-VALUE}).")
  int postgresPort;

  @Option(names = "--redis-url", description = "The workers' online store; without it only the offline label is written.")
  String redisUrl;

  @Option(names = "--redis-key-prefix", defaultValue = "fraud:features:", description = "Its key prefix (default: ${DEFAULT-VALUE}).")
  String redisKeyPrefix;

  @Override
  public Integer call() throws Exception {
    Chargeback chargeback;
    try {
      chargeback = Chargeback.of(transactionId, reason, date);
    } catch (IllegalArgumentException e) {
      System.err.println("chargeback: " + e.getMessage());
      return 2;
    }
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      HikariDataSource dataSource = dataSource(resources);
      FeatureStoreSchema.migrate(dataSource);
      RedisOnlineFeatureStore online = null;
      if (redisUrl != null) {
        JedisPooled jedis = RedisConnections.pooled(redisUrl, Duration.ofSeconds(5));
        resources.add(jedis);
        OnlineStoreSettings defaults = OnlineStoreSettings.defaults();
        online = new RedisOnlineFeatureStore(
            jedis, new OnlineStoreSettings(redisKeyPrefix, defaults.eventRetention(), defaults.firstSeenTtl()));
        System.out.println("[chargeback] Redis at " + Credentials.redact(redisUrl));
      }
      Chargebacks.Recorded recorded = new Chargebacks(dataSource, online, Clock.systemUTC()).record(chargeback);
      System.out.printf(
          "%s %s: fraud label (chargeback of %s, \"%s\") known from %s%s%n",
          recorded.created() ? "Recorded" : "Already recorded",
          recorded.transactionId(),
          recorded.date(),
          recorded.reason(),
          recorded.knownAt(),
          recorded.online() ? ", in the online store too" : "; online store not updated (no --redis-url)");
      return 0;
    } catch (UnknownTransactionException e) {
      System.err.println("chargeback: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      // A date before the payment or in the future: the input is wrong, as with a malformed one.
      System.err.println("chargeback: " + e.getMessage());
      return 2;
    } finally {
      Collections.reverse(resources);
      for (AutoCloseable resource : resources) {
        resource.close();
      }
    }
  }

  private HikariDataSource dataSource(List<AutoCloseable> resources) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("chargeback");
    hikari.setMaximumPoolSize(2);
    if (jdbcUrl != null) {
      hikari.setJdbcUrl(jdbcUrl);
      hikari.setUsername(jdbcUser);
      hikari.setPassword(jdbcPassword);
    } else {
      EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(postgresDataDir, postgresPort);
      resources.add(postgres);
      hikari.setJdbcUrl(postgres.jdbcUrl());
      hikari.setUsername(postgres.user());
    }
    HikariDataSource dataSource = new HikariDataSource(hikari);
    resources.add(dataSource);
    return dataSource;
  }
}
