package io.fraudops.local.redis;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + BOUND);
      }
      Thread.sleep(20);
    }
  }
}
