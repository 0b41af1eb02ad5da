package io.fraudops.local.zeebe;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.ValueType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;

/**
 * Keeps the JSON of every record the engine writes, for tests that search what the engine holds
 * (that no card number reached it, say).
 *
 * <p>The log drops records once processed, so they are read here before they go: the log trimmer
 * calls {@link #catchUp()} before each drop. Only the newest {@link #LIMIT} records are kept, so a
 * long run with capture on stays bounded; capture is off unless asked for, since turning every
 * record into JSON costs the engine's processing thread.
 */
final class RecordCapture {

  /** Some hundreds of screening payments' worth (about 100 records each): enough for any test. */
  static final int LIMIT = 50_000;

  private final LogStreamReader reader;
  private final int partitionId;

  /** Reused value holders, one per value type: this capture reads on one thread at a time. */
  private final EnumMap<ValueType, UnifiedRecordValue> values = UnifiedRecordValue.allRecordsMap();

  private final Deque<String> json = new ArrayDeque<>();
  private long lastPosition = -1;

  RecordCapture(LogStreamReader reader, int partitionId) {
    this.reader = reader;
    this.partitionId = partitionId;
  }

  /** Reads every record appended since the last call; the processor's thread and tests call it. */
  synchronized void catchUp() {
    if (lastPosition < 0) {
      reader.seekToFirstEvent();
    } else {
      reader.seekToNextEvent(lastPosition);
    }
    while (reader.hasNext()) {
      LoggedEvent event = reader.next();
      json.addLast(toJson(event));
      if (json.size() > LIMIT) {
        json.removeFirst();
      }
      lastPosition = event.getPosition();
    }
  }

  synchronized List<String> records() {
    catchUp();
    return List.copyOf(json);
  }

  private String toJson(LoggedEvent event) {
    RecordMetadata metadata = new RecordMetadata();
    event.readMetadata(metadata);
    UnifiedRecordValue value = values.get(metadata.getValueType());
    if (value == null) {
      return "{\"position\":"
          + event.getPosition()
          + ",\"valueType\":\""
          + metadata.getValueType()
          + "\"}";
    }
    value.reset();
    event.readValue(value);
    return new CopiedRecord<>(
            value,
            metadata,
            event.getKey(),
            partitionId,
            event.getPosition(),
            event.getSourceEventPosition(),
            event.getTimestamp())
        .toJson();
  }
}
