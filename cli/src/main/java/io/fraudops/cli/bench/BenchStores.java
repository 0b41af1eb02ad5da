package io.fraudops.cli.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.feature.connection.Credentials;
import io.fraudops.feature.connection.RedisConnections;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import io.fraudops.local.redis.EmbeddedRedis;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import redis.clients.jedis.JedisPooled;

/**
 * The Redis and PostgreSQL the benchmark talks to: embedded servers on loopback, or the endpoints
 * given. Clients are configured as the workers configure theirs, so the figures are the app's.
 * Closing releases everything it opened, last opened first.
 */
final class BenchStores implements AutoCloseable {

  // The workers' default fraud.redis.timeout: a slower answer would be a degraded result, not a
  // latency.
  private static final int REDIS_TIMEOUT_MILLIS = 500;

  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private JedisPooled jedis;
  private HikariDataSource dataSource;
  private String redisDescription;
  private String postgresDescription;

  static BenchStores open(BenchOptions options) throws Exception {
    BenchStores stores = new BenchStores();
    try {
      stores.openRedis(options);
      stores.openPostgres(options);
      return stores;
    } catch (Exception | Error e) {
      stores.close();
      throw e;
    }
  }

  JedisPooled jedis() {
    return jedis;
  }

  DataSource dataSource() {
    return dataSource;
  }

  String redisDescription() {
    return redisDescription;
  }

  String postgresDescription() {
    return postgresDescription;
  }

  private void openRedis(BenchOptions options) {
    String url = options.redisUrl();
    if (options.embeddedRedis()) {
      EmbeddedRedis server = EmbeddedRedis.start(0);
      opened.push(server);
      url = server.url();
      redisDescription = "embedded, " + url;
    } else {
      redisDescription = Credentials.redact(url);
    }
    jedis = RedisConnections.pooled(url, Duration.ofMillis(REDIS_TIMEOUT_MILLIS));
    opened.push(jedis);
    // The feature service hides a failing Redis behind degraded results; fail here instead, loudly.
    jedis.ping();
  }

  private void openPostgres(BenchOptions options) throws IOException {
    String url = options.jdbcUrl();
    String user = options.jdbcUser();
    if (options.embeddedPostgres()) {
      EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
      opened.push(postgres);
      url = postgres.jdbcUrl();
      user = postgres.user();
      postgresDescription = "embedded, " + Credentials.redact(url);
    } else {
      postgresDescription =
          Credentials.redact(url)
              + (user != null ? " as " + user : "")
              + (options.jdbcPassword() != null ? " (password ***)" : "");
    }
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    hikari.setUsername(user);
    if (options.jdbcPassword() != null) {
      hikari.setPassword(options.jdbcPassword());
    }
    hikari.setMaximumPoolSize(10);
    hikari.setPoolName("fraud-bench");
    dataSource = new HikariDataSource(hikari);
    opened.push(dataSource);
    FeatureStoreSchema.migrate(dataSource);
  }

  /** Closes everything, keeps going past failures so one stuck server does not leak the others. */
  @Override
  public void close() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        System.err.println("[bench] cleanup: " + e);
      }
    }
  }
}
