package io.fraudops.local.zeebe;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.process.test.engine.ProcessTestGateway;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.api.records.TypedRecord;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.stream.impl.StreamProcessorListener;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.BindableService;
import io.grpc.HandlerRegistry;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An in-process Zeebe engine speaking gRPC on loopback, for local runs and tests, whose cost per
 * process instance does not grow with the instances already run.
 *
 * <p>It is Zeebe's own engine and stream processor, as zeebe-process-test runs them, around two
 * different parts: the state lives in sorted maps whose prefix scans stop at the end of their
 * prefix ({@link EngineState}) instead of an in-memory store whose every prefix scan walks the rest
 * of the store, and the log drops what has been processed ({@link ProcessedLogStorage}) instead of
 * keeping every record. zeebe-process-test's gRPC gateway is reused as a library ({@link
 * ProcessTestGateway}). No REST API, no Tasklist, no exporters.
 */
public final class EmbeddedEngine implements AutoCloseable {

  private static final int PARTITION_ID = 1;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final int port;
  private final ControlledActorClock clock;
  private final ProcessedLogStorage log;
  private final EngineState state;
  private final EngineActivity activity;

  /** Null unless records are captured (see {@link #recordsAsJson()}). */
  private final RecordCapture capture;

  /** Everything that must be released, in the order it was opened (closed in reverse). */
  private final Deque<AutoCloseable> opened;

  private EmbeddedEngine(
      int port,
      ControlledActorClock clock,
      ProcessedLogStorage log,
      EngineState state,
      EngineActivity activity,
      RecordCapture capture,
      Deque<AutoCloseable> opened) {
    this.port = port;
    this.clock = clock;
    this.log = log;
    this.state = state;
    this.activity = activity;
    this.capture = capture;
    this.opened = opened;
  }

  /**
   * Turns on {@link #recordsAsJson()} for engines started without saying (tests set it; off by
   * default, so a local run's memory stays flat).
   */
  public static final String CAPTURE_RECORDS_PROPERTY = "fraud.embedded.zeebe.capture-records";

  /**
   * Started on {@code port} (0: a free one); records are captured when the system property {@value
   * #CAPTURE_RECORDS_PROPERTY} is true.
   */
  public static EmbeddedEngine start(int port) {
    return start(port, Boolean.getBoolean(CAPTURE_RECORDS_PROPERTY));
  }

  /**
   * Starts an engine. Its state and log live in this JVM's heap and are gone when it closes.
   *
   * @param port the gRPC port on loopback, or 0 for a free one (see {@link #port()})
   * @param captureRecords keep the JSON of the newest records written, for {@link #recordsAsJson()}
   */
  public static EmbeddedEngine start(int port, boolean captureRecords) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "The gRPC port must be 0 (any free port) to 65535, not " + port);
    }
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      EngineState state = new EngineState();
      opened.push(state);

      // The clock the tests move: timers, job timeouts and due dates all read it.
      ControlledActorClock clock = new ControlledActorClock();
      ActorScheduler scheduler =
          ActorScheduler.newActorScheduler()
              .setSchedulerName("embedded-zeebe")
              .setActorClock(clock)
              .build();
      scheduler.start();
      opened.push(scheduler);

      ProcessedLogStorage log = new ProcessedLogStorage();
      LogStream logStream =
          LogStream.builder()
              .withPartitionId(PARTITION_ID)
              .withLogStorage(log)
              .withClock(clock)
              .withMeterRegistry(new CompositeMeterRegistry())
              .build();
      opened.push(logStream);
      RecordCapture capture =
          captureRecords ? new RecordCapture(logStream.newLogStreamReader(), PARTITION_ID) : null;

      // Bound before the gateway exists so that port 0 resolves to the real port, which the
      // gateway reports in its topology; the gateway joins the server right after.
      LateService services = new LateService();
      Server grpc = listen(port, services);
      opened.push(
          () ->
              grpc.shutdownNow().awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
      ProcessTestGateway.Parts gateway =
          ProcessTestGateway.create(logStream.newLogStreamWriter(), PARTITION_ID, grpc.getPort());
      services.set(gateway.grpcService());
      // Closed after the processor (the stack closes in reverse): its last responses still go out.
      opened.push(gateway.responses());

      StreamProcessor processor =
          StreamProcessor.builder()
              .logStream(logStream)
              .zeebeDb(state)
              .commandResponseWriter(gateway.responseWriter())
              .partitionCommandSender(gateway.commandSender())
              .recordProcessors(List.of(engine(gateway)))
              .listener(new LogTrimmer(log, capture))
              .actorSchedulingService(scheduler)
              .clock(new ControllableStreamClockImpl(clock))
              .meterRegistry(new CompositeMeterRegistry())
              .build();
      processor.openAsync(false).join();
      opened.push(() -> processor.closeAsync().join());

      return new EmbeddedEngine(
          grpc.getPort(), clock, log, state, new EngineActivity(processor, log), capture, opened);
    } catch (RuntimeException | Error e) {
      closeAll(opened);
      throw e;
    }
  }

  private static Server listen(int port, HandlerRegistry services) {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    try {
      return NettyServerBuilder.forAddress(address)
          .fallbackHandlerRegistry(services)
          .build()
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serve gRPC on " + address, e);
    }
  }

  private static Engine engine(ProcessTestGateway.Parts gateway) {
    // Local engine: no identity provider, so no authorizations to check.
    SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    return new Engine(
        context ->
            EngineProcessors.createEngineProcessors(
                context,
                1,
                new SubscriptionCommandSender(context.getPartitionId(), gateway.commandSender()),
                gateway.commandSender(),
                FeatureFlags.createDefault(),
                gateway.jobStreamer(),
                // No secondary storage: queries that need one find nothing.
                SearchClientsProxy.noop(),
                new BrokerRequestAuthorizationConverter(security)),
        new EngineConfiguration(),
        security);
  }

  /** The address a Camunda client connects to, e.g. {@code http://127.0.0.1:26500}. */
  public String grpcAddress() {
    return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
  }

  public int port() {
    return port;
  }

  /** Moves the engine's clock forward, which fires the timers and job timeouts now due. */
  public void increaseTime(Duration duration) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(
          "The engine's clock only moves forward, not by " + duration);
    }
    clock.addTime(duration);
  }

  /** Waits until the engine has processed everything it was given and writes nothing more. */
  public void waitForIdleState(Duration timeout) throws InterruptedException, TimeoutException {
    activity.awaitIdle(timeout);
  }

  /** Waits until the engine receives or writes anything after this call. */
  public void waitForBusyState(Duration timeout) throws InterruptedException, TimeoutException {
    activity.awaitBusy(timeout);
  }

  /**
   * The JSON of every record the engine wrote (commands, events, rejections, with their variables),
   * oldest first, up to the newest {@value RecordCapture#LIMIT}: for tests that check what the
   * engine holds, e.g. that no card number reached it. Only for an engine started with records
   * captured: the log drops records once processed.
   */
  public List<String> recordsAsJson() {
    if (capture == null) {
      throw new IllegalStateException(
          "This engine does not capture records: start it with captureRecords, or set "
              + CAPTURE_RECORDS_PROPERTY
              + "=true");
    }
    return capture.records();
  }

  /**
   * Records the engine has written so far (commands, events and rejections, the gateway's and its
   * own): cheap to read at any time, so a benchmark can count records per instance without
   * capturing them.
   */
  public long recordsWritten() {
    return log.highestPosition();
  }

  /**
   * Entries of the engine's state now, over all column families: level while the engine runs
   * steadily, whatever the instances already run (for diagnostics and the benchmarks).
   */
  public long stateEntries() {
    return state.entries();
  }

  /** Log blocks held in memory now: stays small however many instances ran (for diagnostics). */
  public int retainedLogBlocks() {
    return log.retainedBlocks();
  }

  /** Stops gRPC, the processor and the scheduler, and drops the state and the log. */
  @Override
  public void close() {
    closeAll(opened);
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    RuntimeException failure = null;
    synchronized (opened) {
      while (!opened.isEmpty()) {
        try {
          opened.pop().close();
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          if (failure == null) {
            failure = new IllegalStateException("The embedded engine did not stop cleanly", e);
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Serves a gRPC service that is created after the server has started (see {@link #start}). */
  private static final class LateService extends HandlerRegistry {

    private volatile ServerServiceDefinition service;

    void set(BindableService bindable) {
      service = bindable.bindService();
    }

    @Override
    public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
      ServerServiceDefinition current = service;
      // Not there yet, or an unknown method: gRPC answers UNIMPLEMENTED.
      return current == null ? null : current.getMethod(methodName);
    }
  }

  /** The processor is the log's only reader: what it has processed can be dropped. */
  private record LogTrimmer(ProcessedLogStorage log, RecordCapture capture)
      implements StreamProcessorListener {

    @Override
    public void onProcessed(TypedRecord<?> command) {
      drop(command.getPosition());
    }

    @Override
    public void onSkipped(LoggedEvent record) {
      drop(record.getPosition());
    }

    private void drop(long processedPosition) {
      if (capture != null) {
        // Read to the end before dropping, so the capture never needs a dropped block.
        capture.catchUp();
      }
      log.dropProcessedBefore(processedPosition);
    }
  }
}
