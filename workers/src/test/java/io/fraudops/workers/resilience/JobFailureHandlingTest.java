package io.fraudops.workers.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.DefaultCommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy.ExceptionHandlingContext;
import io.camunda.client.metrics.MicrometerMetricsRecorder;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.local.FreePort;
import io.fraudops.workers.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job that keeps failing, against a real engine: each failure waits a growing backoff before the
 * engine hands the job out again, and only the last one, with no retries left, raises an incident
 * whose message says why.
 */
class JobFailureHandlingTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ZeebeTestEngine engine = EngineFactory.create(FreePort.find());
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private CamundaClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    scheduler.shutdownNow();
    engine.stop();
  }

  @Test
  void failuresBackOffExponentiallyAndOnlyTheLastRaisesAnIncidentThatSaysWhy() {
    engine.start();
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
            .preferRestOverGrpc(false)
            .build();
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("p")
                .startEvent()
                .serviceTask("record", t -> t.zeebeJobType("record").zeebeJobRetries("3"))
                .endEvent()
                .done(),
            "p.bpmn")
        .send()
        .join();
    client.newCreateInstanceCommand().bpmnProcessId("p").latestVersion().send().join();
    JobFailureHandling handling =
        new JobFailureHandling(
            new DefaultCommandExceptionHandlingStrategy(
                BackoffSupplier.newBackoffBuilder().build(), scheduler),
            new MicrometerMetricsRecorder(meters),
            meters,
            new RetryBackoff(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1)));
    RuntimeException outage =
        new FeatureStoreUnavailableException(
            "PostgreSQL could not record a transaction [SQLState 08001]: refused");

    ActivatedJob job = activate();
    fail(handling, job, outage, 1);
    assertThat(activateNow()).as("held back by the backoff").isEmpty();
    engine.increaseTime(Duration.ofSeconds(11));
    job = activate();
    assertThat(job.getRetries()).isEqualTo(2);

    fail(handling, job, outage, 2);
    engine.increaseTime(Duration.ofSeconds(11));
    assertThat(activateNow()).as("the second backoff is twice the first").isEmpty();
    engine.increaseTime(Duration.ofSeconds(10));
    job = activate();
    assertThat(job.getRetries()).isEqualTo(1);

    fail(handling, job, outage, 3);
    engine.increaseTime(Duration.ofMinutes(5));
    assertThat(activateNow()).as("no retries left").isEmpty();

    List<JobRecordValue> failures = failures();
    assertThat(failures)
        .extracting(JobRecordValue::getRetryBackoff)
        .containsExactly(10_000L, 20_000L, 0L);
    assertThat(failures.getFirst().getErrorMessage())
        .isEqualTo(
            "record failed on attempt 1, 2 retries left, next in 10000 ms: FeatureStoreUnavailableException:"
                + " PostgreSQL could not record a transaction [SQLState 08001]: refused");
    IncidentRecordValue incident =
        Eventually.get(
            "the incident",
            TIMEOUT,
            () ->
                records(ValueType.INCIDENT).stream()
                    .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                    .map(r -> (IncidentRecordValue) r.getValue())
                    .findFirst());
    assertThat(incident.getErrorMessage())
        .startsWith(
            "record failed on attempt 3 and has no retries left: FeatureStoreUnavailableException")
        .contains("SQLState 08001");
    assertThat(meters.get("fraud.job.failures").tag("result", "retry").counter().count())
        .isEqualTo(2);
    assertThat(meters.get("fraud.job.failures").tag("result", "incident").counter().count())
        .isEqualTo(1);
  }

  private void fail(
      JobFailureHandling handling, ActivatedJob job, RuntimeException e, int expectedFailures) {
    try {
      handling.handleException(e, new ExceptionHandlingContext(client, job, new JobWorkerValue()));
    } catch (Exception unexpected) {
      throw new AssertionError(unexpected);
    }
    Eventually.get(
        "failure " + expectedFailures + " processed",
        TIMEOUT,
        () -> Optional.of(failures()).filter(f -> f.size() == expectedFailures));
  }

  private ActivatedJob activate() {
    return Eventually.get("the record job", TIMEOUT, () -> activateNow().stream().findFirst());
  }

  private List<ActivatedJob> activateNow() {
    return client
        .newActivateJobsCommand()
        .jobType("record")
        .maxJobsToActivate(1)
        .timeout(TIMEOUT)
        .send()
        .join()
        .getJobs();
  }

  private List<JobRecordValue> failures() {
    return records(ValueType.JOB).stream()
        .filter(r -> r.getIntent() == JobIntent.FAILED)
        .map(r -> (JobRecordValue) r.getValue())
        .toList();
  }

  private List<Record<?>> records(ValueType type) {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getValueType() == type)
        .toList();
  }
}
