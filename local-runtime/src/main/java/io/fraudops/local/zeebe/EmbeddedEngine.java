package io.fraudops.local.zeebe;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.fraudops.local.FreePort;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-process Zeebe engine speaking gRPC (no REST, no Tasklist), for local runs and tests; a
 * Camunda 8 cluster replaces it by configuration. The one way this project starts an engine.
 */
public final class EmbeddedEngine implements AutoCloseable {

  private final AtomicBoolean stopped = new AtomicBoolean();
  private final ZeebeTestEngine engine;
  private final int port;

  private EmbeddedEngine(ZeebeTestEngine engine, int port) {
    this.engine = engine;
    this.port = port;
  }

  /** Started on {@code port}, or on a free one when it is 0. */
  public static EmbeddedEngine start(int port) {
    int chosen = port > 0 ? port : FreePort.find();
    ZeebeTestEngine engine = EngineFactory.create(chosen);
    engine.start();
    return new EmbeddedEngine(engine, chosen);
  }

  /** The gateway address for a client; the engine binds all interfaces, clients use loopback. */
  public String grpcAddress() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  /** Moves the engine's clock, which fires due timers. */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
  }

  /** Waits until the engine has processed everything it was given. */
  public void waitForIdleState(Duration timeout) throws InterruptedException, java.util.concurrent.TimeoutException {
    engine.waitForIdleState(timeout);
  }

  /**
   * Every record the engine has written since it started (commands, events, rejections, with their
   * variables), each as JSON: for tests that check what the engine holds, e.g. that no card number
   * reached it. Another engine can answer the same from its exporter.
   */
  public List<String> recordsAsJson() {
    List<String> json = new ArrayList<>();
    for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
      json.add(record.toJson());
    }
    return json;
  }

  /** Once: after a failed start both the context and the local runtime close it. */
  @Override
  public void close() {
    if (stopped.compareAndSet(false, true)) {
      engine.stop();
    }
  }
}
