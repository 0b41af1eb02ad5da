package io.fraudops.workers.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.workers.embedded.EmbeddedRedis;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import javax.sql.DataSource;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * The Redis and PostgreSQL the benchmark talks to: embedded servers on loopback, or the endpoints
 * given. Clients are configured as the workers configure theirs, so the figures are the app's.
 * Closing releases everything it opened, last opened first.
 */
final class BenchStores implements AutoCloseable {

  // The workers' default fraud.redis.timeout: a slower answer would be a degraded result, not a latency.
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
      RedisServer server = EmbeddedRedis.start(0);
      opened.push(server::stop);
      url = EmbeddedRedis.url(server);
      redisDescription = "embedded, " + url;
    } else {
      redisDescription = Masking.redisUrl(url);
    }
    jedis = jedis(URI.create(url));
    opened.push(jedis);
    // The feature service hides a failing Redis behind degraded results; fail here instead, loudly.
    jedis.ping();
  }

  /** As the workers' FeatureStoreConfiguration builds it: pooled, with credentials and TLS from the URL. */
  private static JedisPooled jedis(URI uri) {
    var config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(REDIS_TIMEOUT_MILLIS)
            .socketTimeoutMillis(REDIS_TIMEOUT_MILLIS);
    if (uri.getUserInfo() != null) {
      String[] credentials = uri.getUserInfo().split(":", 2);
      if (credentials.length == 2) {
        config.user(credentials[0].isEmpty() ? null : credentials[0]).password(credentials[1]);
      } else {
        config.password(credentials[0]);
      }
    }
    config.ssl("rediss".equals(uri.getScheme()));
    return new JedisPooled(new HostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), config.build());
  }

  private void openPostgres(BenchOptions options) throws IOException {
    String url = options.jdbcUrl();
    String user = options.jdbcUser();
    if (options.embeddedPostgres()) {
      Path dataDir = Files.createTempDirectory("fraud-bench-pg");
      opened.push(() -> deleteTree(dataDir));
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start();
      opened.push(postgres);
      url = postgres.getJdbcUrl("postgres", "postgres");
      user = "postgres";
      postgresDescription = "embedded, " + Masking.jdbcUrl(url);
    } else {
      postgresDescription =
          Masking.jdbcUrl(url)
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

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
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
