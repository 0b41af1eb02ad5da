package io.fraudops.local.zeebe;

import static io.fraudops.local.zeebe.EngineFixture.completing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log drops processed records; a test that searches them needs the engine to capture them. */
class RecordCaptureTest {

  @Test
  void aCapturingEngineKeepsTheJsonOfRecordsItHasAlreadyDroppedFromItsLog() throws Exception {
    try (EngineFixture fixture = new EngineFixture(true)) {
      fixture.deploy("models/screening-lite.bpmn", "models/lite-decision.dmn");
      try (JobWorker validate =
              fixture.worker("lite.validate", completing(Map.of("validatedBy", "worker-v7")));
          JobWorker features = fixture.worker("lite.features", completing(Map.of()));
          JobWorker score = fixture.worker("lite.score", completing(Map.of("score", 0.1)))) {
        fixture.runToEnd("screening-lite", Map.of("amount", 12, "reference", "needle-at-creation"));
        for (int i = 0; i < 30; i++) {
          fixture.runToEnd("screening-lite", Map.of("amount", i));
        }
        fixture.engine().waitForIdleState(Duration.ofSeconds(10));
      }

      List<String> records = fixture.engine().recordsAsJson();
      assertThat(fixture.engine().retainedLogBlocks())
          .as("the log itself was trimmed")
          .isLessThanOrEqualTo(2);
      assertThat(records)
          .as("the creation command")
          .anyMatch(r -> r.contains("needle-at-creation"));
      assertThat(records).as("a job's completion").anyMatch(r -> r.contains("worker-v7"));
      assertThat(records)
          .as("the engine's events")
          .anyMatch(r -> r.contains("\"intent\":\"ELEMENT_COMPLETED\""));
      assertThat(records.getFirst()).as("oldest first, from the first").contains("\"position\":1,");
    }
  }

  @Test
  void anEngineThatDoesNotCaptureSaysSoInsteadOfAnsweringNothing() {
    try (EmbeddedEngine engine = EmbeddedEngine.start(0, false)) {
      assertThatThrownBy(engine::recordsAsJson)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(EmbeddedEngine.CAPTURE_RECORDS_PROPERTY);
    }
  }
}
