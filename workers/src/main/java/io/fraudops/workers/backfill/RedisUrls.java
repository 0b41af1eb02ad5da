package io.fraudops.workers.backfill;

import java.net.URI;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** Reads {@code redis[s]://[user:]password@host:port} as the application's configuration does. */
final class RedisUrls {

  private static final int TIMEOUT_MILLIS = 5_000;

  private RedisUrls() {}

  static JedisPooled client(String url) {
    URI uri = URI.create(url);
    var config =
        DefaultJedisClientConfig.builder().connectionTimeoutMillis(TIMEOUT_MILLIS).socketTimeoutMillis(TIMEOUT_MILLIS);
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

  /** For output: never print a password. */
  static String withoutCredentials(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
  }
}
