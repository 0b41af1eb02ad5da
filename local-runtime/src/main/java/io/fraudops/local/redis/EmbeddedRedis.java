package io.fraudops.local.redis;

import io.fraudops.local.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * The Redis 7 binary shipped in {@code org.signal:embedded-redis}, on loopback, with no persistence:
 * nothing on disk but a temp working directory, and no snapshot pauses showing up as latency
 * spikes. The one way this project starts an embedded Redis.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private final int port;
  private final RedisServer server;

  private EmbeddedRedis(int port, RedisServer server) {
    this.port = port;
    this.server = server;
  }

  /** Started on {@code port}, or on a free one when it is 0. */
  public static EmbeddedRedis start(int port) {
    try {
      Path dir = Files.createTempDirectory("embedded-redis");
      dir.toFile().deleteOnExit();
      int chosen = port > 0 ? port : FreePort.find();
      RedisServer server =
          RedisServer.builder()
              .port(chosen)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .setting("maxmemory 512mb")
              .setting("dir " + dir)
              .build();
      server.start();
      return new EmbeddedRedis(chosen, server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded Redis on port " + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public boolean isActive() {
    return server.isActive();
  }

  public void stop() {
    if (server.isActive()) {
      server.stop();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
