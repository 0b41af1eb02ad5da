package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.util.buffer.BufferUtil;
import io.camunda.zeebe.util.buffer.BufferWriter;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>The response is built on the engine's processing thread (it reads the engine's reused buffers)
 * but sent from a thread of its own: sending hands the frame to netty, whose event-loop wake-up is
 * a system call, and a profile of the engine under load showed about an eighth of the processing
 * thread's time there. The processing thread is the engine's one serial resource, so it only
 * builds. One sending thread keeps responses in the order the engine produced them.
 */
final class InstanceResponseWriter implements CommandResponseWriter, AutoCloseable {

  private final GatewayRequestStore requests;
  private final GrpcResponseMapper mapper = new GrpcResponseMapper();
  private final MutableDirectBuffer valueBuffer = new ExpandableArrayBuffer();
  private final DirectBuffer value = new UnsafeBuffer();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("embedded-zeebe-responses").factory());
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
        Exception rejection =
            StatusProto.toStatusException(
                mapper.createRejectionResponse(rejectionType, intent, rejectionReason));
        sender.execute(() -> send(() -> observer.onError(rejection)));
        return;
      }
      Object response = mapper.map(request.requestType(), value, key, intent);
      sender.execute(
          () ->
              send(
                  () -> {
                    observer.onNext(response);
                    observer.onCompleted();
                  }));
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot answer gRPC request " + requestId + " (" + intent + ")", e);
    } finally {
      // The next response sets what it needs; a stale rejection must not leak into it.
      rejectionType = RejectionType.NULL_VAL;
      rejectionReason = "";
    }
  }

  /**
   * A caller that gave up (its deadline passed, it was cancelled) cannot be answered any more: gRPC
   * says so with an exception, which must not end the sending thread.
   */
  private static void send(Runnable response) {
    try {
      response.run();
    } catch (StatusRuntimeException e) {
      // The call is closed already: nobody to answer.
    }
  }

  /** Sends what is queued, then stops the sending thread. */
  @Override
  public void close() throws InterruptedException {
    sender.shutdown();
    sender.awaitTermination(5, TimeUnit.SECONDS);
  }

  @SuppressWarnings("unchecked")
  private static StreamObserver<Object> observer(GatewayRequestStore.Request request) {
    return (StreamObserver<Object>) request.responseObserver();
  }
}
