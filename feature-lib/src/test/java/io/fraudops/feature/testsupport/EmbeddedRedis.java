package io.fraudops.feature.testsupport;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** A real Redis 7 on a free loopback port (the local runtime's), with a client that fails fast. */
public final class EmbeddedRedis implements AutoCloseable {

  private final io.fraudops.local.redis.EmbeddedRedis server;

  private EmbeddedRedis(io.fraudops.local.redis.EmbeddedRedis server) {
    this.server = server;
  }

  public static EmbeddedRedis start() {
    return new EmbeddedRedis(io.fraudops.local.redis.EmbeddedRedis.start(0));
  }

  public int port() {
    return server.port();
  }

  /** Short timeouts, so a test against a stopped server fails fast. */
  public JedisPooled client() {
    return new JedisPooled(
        new HostAndPort("127.0.0.1", server.port()),
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(500)
            .socketTimeoutMillis(2_000)
            .build());
  }

  public void stop() {
    server.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
