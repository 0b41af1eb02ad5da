package io.fraudops.workers.screening;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.VariablesAsType;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes the rejection of an invalid payload to the audit table. Such a payload has no trustworthy
 * transaction id, so the row is keyed by the process instance and a digest of the payload.
 */
@Component
public class RecordRejectionWorker {

  private final DecisionRecorder recorder;
  private final Clock clock;

  RecordRejectionWorker(DecisionRecorder recorder, Clock clock) {
    this.recorder = recorder;
    this.clock = clock;
  }

  /** What this worker reads: the payload as it came, why it was refused, when it arrived. */
  public record Input(Object transaction, String validationMessage, Long receivedAt) {}

  @JobWorker(type = "fraud.record-rejection")
  public RecordDecisionWorker.Recorded record(@VariablesAsType Input in, @ProcessInstanceKey long instance) {
    Instant now = clock.instant();
    Long latency = in.receivedAt() == null ? null : now.toEpochMilli() - in.receivedAt();
    DecisionRecord record =
        new DecisionRecord(
            RejectionKey.of(instance, in.transaction()),
            claimedId(in.transaction()),
            instance,
            FinalOutcome.REJECTED,
            null,
            DecisionRecorder.ENGINE,
            null,
            null,
            "INVALID_TRANSACTION",
            in.validationMessage(),
            null,
            null,
            latency == null || latency < 0 ? null : latency,
            now,
            null,
            null);
    recorder.recordAndPublish(record);
    return new RecordDecisionWorker.Recorded(FinalOutcome.REJECTED);
  }

  /** The id a rejected payload claimed, if it was a short string; kept for support look-ups. */
  private static String claimedId(Object payload) {
    if (payload instanceof Map<?, ?> map && map.get("transactionId") instanceof String id && id.length() <= 64) {
      return id;
    }
    return null;
  }
}
