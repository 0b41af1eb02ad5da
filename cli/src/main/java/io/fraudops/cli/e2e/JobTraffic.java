package io.fraudops.cli.e2e;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The jobs a Camunda client's workers take and finish, as they cross the wire: per job type, how
 * many, the variables each fetched and sent back (bytes of their JSON), the time from the job's
 * arrival to its completion (the worker's handler and its queue) and the completion's round trip to
 * the engine. A gRPC interceptor, so the workers' own code is measured unchanged.
 */
final class JobTraffic implements ClientInterceptor {

  /** Totals of one job type since the last {@link #reset()}. */
  static final class Totals {
    final LongAdder jobs = new LongAdder();
    final LongAdder fetchedBytes = new LongAdder();
    final LongAdder finished = new LongAdder();
    final LongAdder sentBytes = new LongAdder();
    final LongAdder inWorkerNanos = new LongAdder();
    final LongAdder completeRoundTrips = new LongAdder();
    final LongAdder completeNanos = new LongAdder();
  }

  private record Taken(String type, long atNanos) {}

  private final Map<Long, Taken> taken = new ConcurrentHashMap<>();
  private volatile Map<String, Totals> byType = new ConcurrentHashMap<>();

  /** Starts new totals (jobs taken before still finish into them). */
  void reset() {
    byType = new ConcurrentHashMap<>();
  }

  /** The totals by job type, sorted by name. */
  Map<String, Totals> snapshot() {
    return new TreeMap<>(byType);
  }

  private Totals totals(String type) {
    return byType.computeIfAbsent(type, t -> new Totals());
  }

  private void received(Object message) {
    if (message instanceof ActivatedJob job) {
      took(job);
    } else if (message instanceof ActivateJobsResponse batch) {
      batch.getJobsList().forEach(this::took);
    }
  }

  private void took(ActivatedJob job) {
    long now = System.nanoTime();
    taken.put(job.getKey(), new Taken(job.getType(), now));
    Totals totals = totals(job.getType());
    totals.jobs.increment();
    totals.fetchedBytes.add(utf8Length(job.getVariables()));
  }

  /** A job's end as the worker sends it; its type when it is one this client took. */
  private String finishing(Object request) {
    long key;
    String variables;
    switch (request) {
      case CompleteJobRequest complete -> {
        key = complete.getJobKey();
        variables = complete.getVariables();
      }
      case ThrowErrorRequest error -> {
        key = error.getJobKey();
        variables = error.getVariables();
      }
      case FailJobRequest fail -> {
        key = fail.getJobKey();
        variables = fail.getVariables();
      }
      default -> {
        return null;
      }
    }
    Taken job = taken.remove(key);
    if (job == null) {
      return null;
    }
    Totals totals = totals(job.type());
    totals.finished.increment();
    totals.sentBytes.add(utf8Length(variables));
    totals.inWorkerNanos.add(System.nanoTime() - job.atNanos());
    return job.type();
  }

  private static long utf8Length(String json) {
    // Variables are mostly ASCII; counting exactly costs little at these rates.
    return json == null ? 0 : json.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {

      private volatile String finishingType;
      private volatile long sentAt;

      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(
            new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onMessage(R message) {
                received(message);
                super.onMessage(message);
              }

              @Override
              public void onClose(Status status, Metadata trailers) {
                String type = finishingType;
                if (type != null) {
                  Totals totals = totals(type);
                  totals.completeRoundTrips.increment();
                  totals.completeNanos.add(System.nanoTime() - sentAt);
                }
                super.onClose(status, trailers);
              }
            },
            headers);
      }

      @Override
      public void sendMessage(Q message) {
        String type = finishing(message);
        if (type != null) {
          sentAt = System.nanoTime();
          finishingType = type;
        }
        super.sendMessage(message);
      }
    };
  }
}
