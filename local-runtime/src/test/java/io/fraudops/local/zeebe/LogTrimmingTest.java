package io.fraudops.local.zeebe;

import static io.fraudops.local.zeebe.EngineFixture.completing;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogTrimmingTest {

  @Test
  void theLogHoldsOnlyUnprocessedBlocksHoweverManyInstancesRan() throws Exception {
    try (EngineFixture fixture = new EngineFixture()) {
      fixture.deploy("models/screening-lite.bpmn", "models/lite-decision.dmn");
      try (JobWorker validate =
              fixture.streamOnlyWorker(
                  "lite.validate", Duration.ofMinutes(5), completing(Map.of()));
          JobWorker features =
              fixture.streamOnlyWorker(
                  "lite.features", Duration.ofMinutes(5), completing(Map.of()));
          JobWorker score =
              fixture.streamOnlyWorker(
                  "lite.score", Duration.ofMinutes(5), completing(Map.of("score", 0.1)))) {
        long before = fixture.engine().recordsWritten();
        for (int batch = 0; batch < 20; batch++) {
          List<CamundaFuture<ProcessInstanceResult>> ends = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            ends.add(fixture.startAwaitingEnd("screening-lite", Map.of("amount", i)));
          }
          ends.forEach(
              end ->
                  assertThat(end.join().getVariablesAsMap()).containsEntry("decision", "APPROVE"));
        }
        fixture.engine().waitForIdleState(Duration.ofSeconds(10));

        // Some 2,000 blocks were written; the one holding the last processed record stays.
        assertThat(fixture.engine().retainedLogBlocks()).isLessThanOrEqualTo(2);
        // Dropped or not, every record counts: each instance wrote dozens (three jobs, a decision,
        // its elements).
        assertThat(fixture.engine().recordsWritten() - before).isGreaterThan(200L * 30);
      }
    }
  }
}
