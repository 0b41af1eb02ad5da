package io.fraudops.feature.connection;

import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Builds the pooled Redis client from a {@code redis[s]://[user:]password@host:port} URL. The one
 * place that reads such a URL: the application, the tools and the benchmarks connect alike, so what
 * a tool measures is what the workers get.
 */
public final class RedisConnections {

  private RedisConnections() {}

  /**
   * @param timeout connect and read timeout; a slow Redis then degrades a payment to review instead
   *     of stalling it
   */
  public static JedisPooled pooled(String url, Duration timeout) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a Redis URL is required (redis://host:port)");
    }
    URI uri = URI.create(url);
    if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "a Redis URL starts with redis:// or rediss:// (got " + Credentials.redact(url) + ")");
    }
    int millis = Math.toIntExact(timeout.toMillis());
    var config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(millis)
            .socketTimeoutMillis(millis);
    if (uri.getUserInfo() != null) {
      // A lone userinfo is the password (redis://secret@host), as redis-cli reads it.
      String[] credentials = uri.getUserInfo().split(":", 2);
      if (credentials.length == 2) {
        config.user(credentials[0].isEmpty() ? null : credentials[0]).password(credentials[1]);
      } else {
        config.password(credentials[0]);
      }
    }
    config.ssl("rediss".equals(uri.getScheme()));
    return new JedisPooled(
        new HostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), config.build());
  }
}
