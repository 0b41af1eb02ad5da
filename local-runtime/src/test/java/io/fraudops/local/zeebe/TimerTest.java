package io.fraudops.local.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimerTest {

  @Test
  void anIntermediateTimerFiresWhenTheClockPassesIt() throws Exception {
    try (EngineFixture fixture = new EngineFixture()) {
      fixture.deploy("models/wait-ten-minutes.bpmn");
      BlockingQueue<ActivatedJob> afterWait = new LinkedBlockingQueue<>();
      try (JobWorker worker =
          fixture.streamOnlyWorker(
              "lite.after-wait",
              Duration.ofHours(1),
              (client, job) -> {
                afterWait.add(job);
                client.newCompleteCommand(job).send().join();
              })) {
        var end = fixture.startAwaitingEnd("wait-ten-minutes", Map.of());

        fixture.engine().waitForIdleState(Duration.ofSeconds(10));
        fixture.engine().increaseTime(Duration.ofMinutes(9));
        fixture.engine().waitForIdleState(Duration.ofSeconds(10));
        assertThat(afterWait).isEmpty();

        fixture.engine().increaseTime(Duration.ofMinutes(1));

        assertThat(afterWait.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(end.join().getBpmnProcessId()).isEqualTo("wait-ten-minutes");
      }
    }
  }
}
