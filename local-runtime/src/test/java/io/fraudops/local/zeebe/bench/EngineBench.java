package io.fraudops.local.zeebe.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.fraudops.local.zeebe.EmbeddedEngine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs N instances of a three-service-task + business-rule-task process through an engine and
 * prints, per chunk of instances, the throughput and the heap used after a GC.
 *
 * <p>Usage: {@code EngineBench new|old [instances=50000] [inFlight=12] [chunk=2000] [port]
 * [maxMinutes=60] [parkEvery=0]}. With {@code parkEvery} N &gt; 0, every Nth instance is joined by
 * one of a process that waits at a user task nobody completes, so open state accumulates. {@code
 * new} is {@link EmbeddedEngine}; {@code old} is zeebe-process-test's {@code EngineFactory} engine.
 * Workers are streaming no-op workers over gRPC, in the same JVM as the engine (as in the project's
 * local runs). Run each engine in its own JVM.
 */
public final class EngineBench {

  private static final String[] TASK_TYPES = {"lite.validate", "lite.features", "lite.score"};

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "new";
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 12;
    int chunk = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    int port = args.length > 4 ? Integer.parseInt(args[4]) : 26_610;
    double maxMinutes = args.length > 5 ? Double.parseDouble(args[5]) : 60;
    int parkEvery = args.length > 6 ? Integer.parseInt(args[6]) : 0;

    Engine engine = "old".equals(which) ? Engine.old(port) : Engine.embedded(port);
    try {
      run(engine, which, instances, inFlight, chunk, maxMinutes, parkEvery);
    } finally {
      engine.close();
      // zeebe-process-test's engine leaves a non-daemon timer thread behind after stop().
      System.exit(0);
    }
  }

  private static void run(
      Engine engine,
      String which,
      int instances,
      int inFlight,
      int chunk,
      double maxMinutes,
      int parkEvery)
      throws Exception {
    System.out.printf(
        "engine=%s instances=%d inFlight=%d chunk=%d parkEvery=%d cpus=%d maxHeap=%dMB java=%s%n",
        which,
        instances,
        inFlight,
        chunk,
        parkEvery,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));
    System.out.println("load at start: " + loadAverage());

    List<JobWorker> workers = new ArrayList<>();
    try (CamundaClient client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(engine.address()))
            .preferRestOverGrpc(false)
            .defaultJobWorkerStreamEnabled(true)
            .build()) {
      client
          .newDeployResourceCommand()
          .addResourceBytes(resource("models/screening-lite.bpmn"), "screening-lite.bpmn")
          .addResourceBytes(resource("models/lite-decision.dmn"), "lite-decision.dmn")
          .addResourceBytes(resource("models/parked-review.bpmn"), "parked-review.bpmn")
          // A cold engine on a loaded machine can take longer than the default 10 s.
          .requestTimeout(Duration.ofMinutes(2))
          .send()
          .join();
      for (String type : TASK_TYPES) {
        workers.add(
            client
                .newWorker()
                .jobType(type)
                .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send())
                .open());
      }

      Semaphore slots = new Semaphore(inFlight);
      AtomicLong failures = new AtomicLong();
      Map<String, Object> variables = Map.of("amount", 42, "score", 0.1);
      System.out.println(
          "   done  chunk_s  inst/s  heap_after_gc_MB  rss_MB  log_blocks  state_entries  failures");
      long benchStart = System.nanoTime();
      double firstRate = 0;
      double secondRate = 0;
      double lastRate = 0;
      int done = 0;
      while (done < instances) {
        int thisChunk = Math.min(chunk, instances - done);
        long chunkStart = System.nanoTime();
        for (int i = 0; i < thisChunk; i++) {
          if (parkEvery > 0 && (done + i) % parkEvery == 0) {
            // Never completed: its state accumulates, as open reviews do in a local run.
            client
                .newCreateInstanceCommand()
                .bpmnProcessId("parked-review")
                .latestVersion()
                .requestTimeout(Duration.ofSeconds(60))
                .send()
                .join();
          }
          slots.acquire();
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("screening-lite")
              .latestVersion()
              .variables(variables)
              .withResult()
              .requestTimeout(Duration.ofSeconds(60))
              .send()
              .whenComplete(
                  (result, error) -> {
                    if (error != null) {
                      failures.incrementAndGet();
                    }
                    slots.release();
                  });
        }
        // Chunk ends when all its instances have completed; the GC below is not timed.
        slots.acquire(inFlight);
        double seconds = (System.nanoTime() - chunkStart) / 1e9;
        slots.release(inFlight);
        done += thisChunk;
        double rate = thisChunk / seconds;
        if (done == chunk) {
          firstRate = rate;
        } else if (done == 2 * chunk) {
          secondRate = rate;
        }
        lastRate = rate;
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
            "%7d  %7.1f  %6.1f  %16d  %6d  %10s  %13s  %8d%n",
            done,
            seconds,
            rate,
            heap >> 20,
            rssMegabytes(),
            engine.logBlocks(),
            engine.stateEntries(),
            failures.get());
        if ((System.nanoTime() - benchStart) / 60e9 > maxMinutes) {
          System.out.printf("stopped after %.0f minutes (limit)%n", maxMinutes);
          break;
        }
      }
      System.out.printf(
          "summary: engine=%s done=%d total_s=%.0f first_chunk=%.1f/s second_chunk=%.1f/s"
              + " last_chunk=%.1f/s last/second=%.2f%n",
          which,
          done,
          (System.nanoTime() - benchStart) / 1e9,
          firstRate,
          secondRate,
          lastRate,
          secondRate > 0 ? lastRate / secondRate : Double.NaN);
      System.out.println("load at end: " + loadAverage());
      workers.forEach(JobWorker::close);
    }
  }

  /** The two engines behind one face. */
  private interface Engine extends AutoCloseable {
    String address();

    String logBlocks();

    String stateEntries();

    @Override
    void close();

    static Engine embedded(int port) {
      EmbeddedEngine engine = EmbeddedEngine.start(port, false);
      return new Engine() {
        public String address() {
          return engine.grpcAddress();
        }

        public String logBlocks() {
          return Integer.toString(engine.retainedLogBlocks());
        }

        public String stateEntries() {
          return Long.toString(engine.stateEntries());
        }

        public void close() {
          engine.close();
        }
      };
    }

    static Engine old(int port) {
      ZeebeTestEngine engine = EngineFactory.create(port);
      engine.start();
      return new Engine() {
        public String address() {
          return "http://localhost:" + port;
        }

        public String logBlocks() {
          return "-";
        }

        public String stateEntries() {
          return "-";
        }

        public void close() {
          engine.stop();
        }
      };
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = EngineBench.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static long rssMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (IOException e) {
      // Not Linux: no RSS column.
    }
    return -1;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "n/a";
    }
  }

  private EngineBench() {}
}
