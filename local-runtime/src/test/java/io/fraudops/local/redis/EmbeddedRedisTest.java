package io.fraudops.local.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The supervisor brings a killed server back on its port, empty, and leaves it dead while held. */
class EmbeddedRedisTest {

  private static final Duration BOUND = Duration.ofSeconds(20);

  @Test
  void aKilledServerIsRestartedOnTheSamePortEmpty() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start(0);
        JedisPooled client = new JedisPooled(redis.url())) {
      client.set("k", "v");
      long before = redis.process().pid();

      redis.process().destroyForcibly();

      waitUntil(() -> redis.restarts() == 1 && redis.isActive());
      assertThat(redis.process().pid()).isNotEqualTo(before);
      waitUntil(() -> answers(client));
      assertThat(client.get("k")).isNull();
    }
  }

  @Test
  void aHeldServerStaysDownUntilReleased() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start(0)) {
      redis.holdRestarts(true);
      kill(redis.process());
      Thread.sleep(600); // three looks of the supervisor
      assertThat(redis.isActive()).isFalse();
      assertThat(redis.restarts()).isZero();

      redis.holdRestarts(false);
      waitUntil(() -> redis.restarts() == 1 && redis.isActive());
    }
  }

  @Test
  void anUnsupervisedServerIsNotRestarted() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start(0, false)) {
      kill(redis.process());
      Thread.sleep(600);
      assertThat(redis.isActive()).isFalse();
      assertThat(redis.restarts()).isZero();
    }
  }

  @Test
  void theSupervisorDoesNotOutliveTheJvm() throws Exception {
    int port = io.fraudops.local.FreePort.find();
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                ExitingJvm.class.getName(),
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS))
        .as("the child JVM exited")
        .isTrue();
    assertThat(child.exitValue()).isZero();
    Thread.sleep(1_000);
    try (var socket = new java.net.Socket()) {
      assertThatCode(() -> socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500))
          .as("a Redis restarted during the JVM's exit would still listen on " + port)
          .isInstanceOf(java.io.IOException.class);
    }
  }

  /**
   * Starts a supervised Redis and exits; a slow shutdown hook gives the supervisor time to see it
   * die.
   */
  public static final class ExitingJvm {
    public static void main(String[] args) {
      EmbeddedRedis.start(Integer.parseInt(args[0]));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      Thread.sleep(1_500);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
      System.exit(0);
    }
  }

  private static void kill(ProcessHandle process) throws Exception {
    process.destroyForcibly();
    process.onExit().get();
  }

  private static boolean answers(JedisPooled client) {
    try {
      return "PONG".equals(client.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + BOUND);
      }
      Thread.sleep(20);
    }
  }
}
