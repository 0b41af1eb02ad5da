package io.fraudops.feature.testsupport;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real Redis 7 on a free loopback port, persisting nothing and writing nowhere but a temp dir. */
public final class EmbeddedRedis implements AutoCloseable {

    private final int port;
    private final RedisServer server;

    private EmbeddedRedis(int port, RedisServer server) {
        this.port = port;
        this.server = server;
    }

    public static EmbeddedRedis start() {
        try {
            Path dir = Files.createTempDirectory("embedded-redis");
            dir.toFile().deleteOnExit();
            int port = FreePort.find();
            RedisServer server = RedisServer.builder()
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("dir " + dir)
                    .build();
            server.start();
            return new EmbeddedRedis(port, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Short timeouts, so a test against a stopped server fails fast. */
    public JedisPooled client() {
        return new JedisPooled(new HostAndPort("127.0.0.1", port),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).socketTimeoutMillis(2_000).build());
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
