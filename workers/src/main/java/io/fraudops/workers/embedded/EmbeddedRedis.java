package io.fraudops.workers.embedded;

import redis.embedded.RedisServer;

/**
 * Starts the Redis 7 binary shipped in {@code org.signal:embedded-redis} on loopback, with no
 * persistence: nothing on disk, and no snapshot pauses showing up as latency spikes.
 */
public final class EmbeddedRedis {

  private EmbeddedRedis() {}

  /** Started on {@code port}, or on a free one when it is 0. */
  public static RedisServer start(int port) {
    RedisServer server =
        RedisServer.builder()
            .port(port > 0 ? port : FreePort.find())
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .setting("maxmemory 512mb")
            .build();
    server.start();
    return server;
  }

  public static String url(RedisServer server) {
    return "redis://127.0.0.1:" + server.ports().getFirst();
  }
}
