package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.util.buffer.BufferUtil;
import io.camunda.zeebe.util.buffer.BufferWriter;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Answers gRPC requests with the engine's results, keeping everything per engine.
 *
 * <p>zeebe-process-test's {@code GrpcResponseWriter} keeps the response's key, intent and value in
 * static fields, so two engines answering at the same time in one JVM (a cached Spring context and
 * a test's own engine, say) can send each other's results. This writer holds them per instance and
 * uses the same request store and protobuf mapping.
 */
final class InstanceResponseWriter implements CommandResponseWriter {

  private final GatewayRequestStore requests;
  private final GrpcResponseMapper mapper = new GrpcResponseMapper();
  private final MutableDirectBuffer valueBuffer = new ExpandableArrayBuffer();
  private final DirectBuffer value = new UnsafeBuffer();
  private long key;
  private Intent intent = Intent.UNKNOWN;
  private RejectionType rejectionType = RejectionType.NULL_VAL;
  private String rejectionReason = "";

  InstanceResponseWriter(GatewayRequestStore requests) {
    this.requests = requests;
  }

  @Override
  public CommandResponseWriter partitionId(int partitionId) {
    return this;
  }

  @Override
  public CommandResponseWriter key(long key) {
    this.key = key;
    return this;
  }

  @Override
  public CommandResponseWriter intent(Intent intent) {
    this.intent = intent;
    return this;
  }

  @Override
  public CommandResponseWriter recordType(RecordType recordType) {
    return this;
  }

  @Override
  public CommandResponseWriter valueType(ValueType valueType) {
    return this;
  }

  @Override
  public CommandResponseWriter rejectionType(RejectionType rejectionType) {
    this.rejectionType = rejectionType;
    return this;
  }

  @Override
  public CommandResponseWriter rejectionReason(DirectBuffer reason) {
    rejectionReason = BufferUtil.bufferAsString(reason);
    return this;
  }

  @Override
  public CommandResponseWriter valueWriter(BufferWriter writer) {
    writer.write(valueBuffer, 0);
    value.wrap(valueBuffer, 0, writer.getLength());
    return this;
  }

  @Override
  public void tryWriteResponse(int requestStreamId, long requestId) {
    GatewayRequestStore.Request request = requests.removeRequest(requestId);
    try {
      if (request == null) {
        // Nobody waits any more (the request was never registered here, or already answered).
        return;
      }
      StreamObserver<Object> observer = observer(request);
      if (rejectionType != RejectionType.NULL_VAL) {
        observer.onError(
            StatusProto.toStatusException(
                mapper.createRejectionResponse(rejectionType, intent, rejectionReason)));
        return;
      }
      observer.onNext(mapper.map(request.requestType(), value, key, intent));
      observer.onCompleted();
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot answer gRPC request " + requestId + " (" + intent + ")", e);
    } finally {
      // The next response sets what it needs; a stale rejection must not leak into it.
      rejectionType = RejectionType.NULL_VAL;
      rejectionReason = "";
    }
  }

  @SuppressWarnings("unchecked")
  private static StreamObserver<Object> observer(GatewayRequestStore.Request request) {
    return (StreamObserver<Object>) request.responseObserver();
  }
}
