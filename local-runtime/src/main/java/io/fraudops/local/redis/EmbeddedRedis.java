package io.fraudops.local.redis;

import io.fraudops.local.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The Redis 7 binary shipped in {@code org.signal:embedded-redis}, on loopback, with no
 * persistence: nothing on disk but a temp working directory, and no snapshot pauses showing up as
 * latency spikes. The one way this project starts an embedded Redis.
 *
 * <p>A supervisor thread restarts the server on the same port when its process dies, as systemd or
 * a container runtime would restart a real one. It comes back empty (nothing is persisted): the
 * application sees exactly what a real Redis restarted without persistence looks like, and rebuilds
 * its online state from PostgreSQL.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

  /** How often the supervisor looks at the process; a restart costs ~0.2 s more. */
  private static final Duration CHECK_EVERY = Duration.ofMillis(200);

  private final int port;
  private final Path dir;
  private final AtomicInteger restarts = new AtomicInteger();
  private final Thread supervisor;
  private volatile RedisServer server;
  private volatile ProcessHandle process;
  private volatile boolean restartsHeld;
  private volatile boolean closed;

  private EmbeddedRedis(int port, Path dir, boolean supervise) {
    this.port = port;
    this.dir = dir;
    launch();
    this.supervisor =
        supervise
            ? Thread.ofPlatform().daemon().name("embedded-redis-supervisor").start(this::supervise)
            : null;
  }

  /** Started on {@code port}, or on a free one when it is 0, and restarted whenever it dies. */
  public static EmbeddedRedis start(int port) {
    return start(port, true);
  }

  /**
   * @param supervise restart the server on the same port when its process dies
   */
  public static EmbeddedRedis start(int port, boolean supervise) {
    try {
      Path dir = Files.createTempDirectory("embedded-redis");
      dir.toFile().deleteOnExit();
      return new EmbeddedRedis(port > 0 ? port : FreePort.find(), dir, supervise);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the embedded Redis on port " + port + ": " + e.getMessage(), e);
    }
  }

  private void launch() {
    RedisServer next =
        RedisServer.builder()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .setting("maxmemory 512mb")
            .setting("dir " + dir)
            .build();
    try {
      next.start();
    } catch (RuntimeException e) {
      // It may have started the process before failing (e.g. the JVM began to exit): leave nothing
      // behind.
      try {
        processOf(next).destroyForcibly();
      } catch (RuntimeException ignored) {
        // No process was started.
      }
      throw e;
    }
    server = next;
    process = processOf(next);
  }

  private void supervise() {
    while (!closed) {
      try {
        Thread.sleep(CHECK_EVERY);
      } catch (InterruptedException e) {
        return;
      }
      ProcessHandle current = process;
      if (closed || restartsHeld || current == null || current.isAlive()) {
        continue;
      }
      restart(current);
    }
  }

  private synchronized void restart(ProcessHandle dead) {
    if (closed || process != dead) {
      return;
    }
    if (shuttingDown()) {
      // embedded-redis stops its server from a shutdown hook: a restart now would outlive the JVM.
      closed = true;
      return;
    }
    log.warn(
        "Embedded Redis on port {} died (pid {}); restarting it on the same port, empty",
        port,
        dead.pid());
    try {
      server.stop(); // releases the dead instance's reader threads
    } catch (RuntimeException ignored) {
      // It is dead already; nothing else to release.
    }
    try {
      launch();
      int count = restarts.incrementAndGet();
      log.warn(
          "Embedded Redis restarted on port {} (pid {}, restart #{})", port, process.pid(), count);
    } catch (RuntimeException e) {
      // The port may still be held for a moment; the supervisor tries again at its next look.
      log.warn(
          "Restarting the embedded Redis on port {} failed, will retry: {}", port, e.getMessage());
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** The operating-system process of the server running now, e.g. for a fault test to kill. */
  public ProcessHandle process() {
    return process;
  }

  /** How many times the supervisor restarted the server. */
  public int restarts() {
    return restarts.get();
  }

  /**
   * While held, a dead server stays dead (a fault test keeps an outage going); on release the
   * supervisor restarts it at its next look.
   */
  public void holdRestarts(boolean hold) {
    restartsHeld = hold;
  }

  public boolean isActive() {
    ProcessHandle current = process;
    return server.isActive() && current != null && current.isAlive();
  }

  public synchronized void stop() {
    closed = true;
    if (supervisor != null) {
      supervisor.interrupt();
    }
    if (server.isActive()) {
      server.stop();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Whether the JVM is exiting: it refuses new shutdown hooks then, there is no other way to ask.
   */
  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  // embedded-redis keeps its Process private; the supervisor needs it to see the server die.
  private static ProcessHandle processOf(RedisServer server) {
    try {
      Class<?> type = server.getClass().getSuperclass();
      Field field = type.getDeclaredField("redisProcess");
      field.setAccessible(true);
      return ((Process) field.get(server)).toHandle();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot find the embedded Redis process (embedded-redis changed?)", e);
    }
  }
}
