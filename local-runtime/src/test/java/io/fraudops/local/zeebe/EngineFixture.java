package io.fraudops.local.zeebe;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A started engine on a free port and a gRPC client streaming jobs, as the project uses them. */
final class EngineFixture implements AutoCloseable {

  private final EmbeddedEngine engine;
  private final CamundaClient client;
  private final List<JobWorker> workers = new ArrayList<>();

  EngineFixture() {
    this(false);
  }

  EngineFixture(boolean captureRecords) {
    engine = EmbeddedEngine.start(0, captureRecords);
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(engine.grpcAddress()))
            .preferRestOverGrpc(false)
            .defaultJobWorkerStreamEnabled(true)
            .build();
  }

  EmbeddedEngine engine() {
    return engine;
  }

  CamundaClient client() {
    return client;
  }

  /** Deploys test resources (paths under src/test/resources) in one deployment. */
  DeploymentEvent deploy(String... resources) {
    var command =
        client.newDeployResourceCommand().addResourceBytes(read(resources[0]), name(resources[0]));
    for (int i = 1; i < resources.length; i++) {
      command = command.addResourceBytes(read(resources[i]), name(resources[i]));
    }
    return command.send().join();
  }

  /** Opens a streaming worker; close it at the end of the test (the fixture closes leftovers). */
  JobWorker worker(String type, JobHandler handler) {
    JobWorker worker = client.newWorker().jobType(type).handler(handler).open();
    workers.add(worker);
    return worker;
  }

  /**
   * Opens a worker that only gets jobs pushed through its stream: it polls once when it opens, then
   * not for an hour. It also keeps the engine quiet for idle-state checks.
   */
  JobWorker streamOnlyWorker(String type, Duration jobTimeout, JobHandler handler) {
    JobWorker worker =
        client
            .newWorker()
            .jobType(type)
            .handler(handler)
            .timeout(jobTimeout)
            .pollInterval(Duration.ofHours(1))
            .streamEnabled(true)
            .open();
    workers.add(worker);
    return worker;
  }

  /** Completes every job with these variables. */
  static JobHandler completing(Map<String, Object> variables) {
    return (jobClient, job) -> jobClient.newCompleteCommand(job).variables(variables).send().join();
  }

  /** Runs an instance to its end and returns its variables. */
  Map<String, Object> runToEnd(String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .withResult()
        .requestTimeout(Duration.ofSeconds(30))
        .send()
        .join()
        .getVariablesAsMap();
  }

  /** Starts an instance whose end the caller awaits on the returned future. */
  CamundaFuture<ProcessInstanceResult> startAwaitingEnd(
      String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .withResult()
        .requestTimeout(Duration.ofMinutes(1))
        .send();
  }

  static byte[] read(String resource) {
    try (InputStream in = EngineFixture.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
    client.close();
    engine.close();
  }
}
