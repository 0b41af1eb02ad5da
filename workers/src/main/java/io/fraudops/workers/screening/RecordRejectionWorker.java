package io.fraudops.workers.screening;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.VariablesAsType;
import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.feature.transaction.ClaimedId;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Writes the rejection of an invalid payload to the audit table. Such a payload has no trustworthy
 * transaction id, so the row is keyed by the process instance and a keyed digest of the payload.
 * Nothing of the payload itself is stored: only the id it claimed when that id is safe to keep
 * ({@link ClaimedId}), and Validate's message, which never quotes a card number.
 */
@Component
public class RecordRejectionWorker {

  private final DecisionRecorder recorder;
  private final CardTokenizer keys;
  private final Clock clock;

  RecordRejectionWorker(DecisionRecorder recorder, CardTokenizer keys, Clock clock) {
    this.recorder = recorder;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * What this worker reads: the payload as it came, why it was refused, when it arrived ({@code
   * Object}, as a caller may have sent anything, and an unreadable receipt time must not stop the
   * rejection from being recorded).
   */
  public record Input(Object transaction, String validationMessage, Object receivedAt) {}

  @JobWorker(type = "fraud.record-rejection")
  public void record(@VariablesAsType Input in, @ProcessInstanceKey long instance) {
    Instant now = clock.instant();
    DecisionRecord record =
        new DecisionRecord(
            RejectionKey.of(instance, in.transaction(), keys),
            ClaimedId.of(in.transaction()),
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
            ReceiptLatency.millis(in.receivedAt(), now),
            now,
            null,
            null);
    recorder.recordAndPublish(record);
  }
}
