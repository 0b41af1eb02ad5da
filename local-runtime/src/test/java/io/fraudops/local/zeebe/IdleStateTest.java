package io.fraudops.local.zeebe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class IdleStateTest {

  @Test
  void waitsForBusyThenIdleAroundWork() throws Exception {
    try (EngineFixture fixture = new EngineFixture()) {
      fixture.engine().waitForIdleState(Duration.ofSeconds(10));

      CompletableFuture<Void> busy =
          CompletableFuture.runAsync(
              () -> {
                try {
                  fixture.engine().waitForBusyState(Duration.ofSeconds(10));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      fixture.deploy("models/wait-ten-minutes.bpmn");
      busy.join();
      for (int i = 0; i < 20; i++) {
        fixture
            .client()
            .newCreateInstanceCommand()
            .bpmnProcessId("wait-ten-minutes")
            .latestVersion()
            .variables(Map.of("i", i))
            .send();
      }

      fixture.engine().waitForIdleState(Duration.ofSeconds(20));
    }
  }

  @Test
  void busyTimesOutWhenNothingHappens() throws Exception {
    try (EngineFixture fixture = new EngineFixture()) {
      // A new engine first writes its identity setup and usage-metrics records, from scheduled
      // tasks that can leave gaps longer than the idle grace period on a busy machine.
      fixture.engine().waitForIdleState(Duration.ofSeconds(10));
      Thread.sleep(1_000);
      fixture.engine().waitForIdleState(Duration.ofSeconds(10));

      assertThatThrownBy(() -> fixture.engine().waitForBusyState(Duration.ofMillis(300)))
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("PT0.3S");
    }
  }

  @Test
  void idleHoldsAfterWorkIsDone() throws Exception {
    try (EngineFixture fixture = new EngineFixture()) {
      fixture.deploy("models/wait-ten-minutes.bpmn");
      long key =
          fixture
              .client()
              .newCreateInstanceCommand()
              .bpmnProcessId("wait-ten-minutes")
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();

      fixture.engine().waitForIdleState(Duration.ofSeconds(10));

      assertThat(key).isPositive();
      assertThat(fixture.engine().retainedLogBlocks()).isLessThanOrEqualTo(2);
    }
  }
}
