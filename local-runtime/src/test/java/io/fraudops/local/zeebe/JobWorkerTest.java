package io.fraudops.local.zeebe;

import static io.fraudops.local.zeebe.EngineFixture.completing;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JobWorkerTest {

  static EngineFixture fixture;

  @BeforeAll
  static void startAndDeploy() {
    fixture = new EngineFixture();
    fixture.deploy(
        "models/screening-lite.bpmn", "models/lite-decision.dmn", "models/validate-or-reject.bpmn");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void createWithResultReturnsTheVariablesOfEveryStepAndTheDecision() {
    try (JobWorker validate = fixture.worker("lite.validate", completing(Map.of("valid", true)));
        JobWorker features =
            fixture.worker("lite.features", completing(Map.of("features", Map.of("count1h", 2))));
        JobWorker score = fixture.worker("lite.score", completing(Map.of("score", 0.95)))) {

      Map<String, Object> result = fixture.runToEnd("screening-lite", Map.of("amount", 10));

      assertThat(result)
          .containsEntry("valid", true)
          .containsEntry("features", Map.of("count1h", 2))
          .containsEntry("decision", "DECLINE");
    }
  }

  @Test
  void pushesJobsToStreamingWorkersWithoutPolling() {
    try (JobWorker check =
        fixture.streamOnlyWorker("lite.check", Duration.ofMinutes(5), completing(Map.of()))) {
      // Each instance waits for its job; after the worker's one poll, only the stream delivers.
      for (int i = 0; i < 4; i++) {
        assertThat(fixture.runToEnd("validate-or-reject", Map.of("attempt", i)))
            .containsEntry("attempt", i);
      }
    }
  }

  @Test
  void aFailedJobWithRetriesLeftIsOfferedAgain() {
    List<Integer> retriesSeen = new CopyOnWriteArrayList<>();
    AtomicInteger attempts = new AtomicInteger();
    try (JobWorker flaky =
        fixture.worker(
            "lite.check",
            (client, job) -> {
              retriesSeen.add(job.getRetries());
              if (attempts.incrementAndGet() == 1) {
                client
                    .newFailCommand(job)
                    .retries(job.getRetries() - 1)
                    .errorMessage("flaky")
                    .send()
                    .join();
              } else {
                client.newCompleteCommand(job).variables(Map.of("path", "accepted")).send().join();
              }
            })) {

      assertThat(fixture.runToEnd("validate-or-reject", Map.of()))
          .containsEntry("path", "accepted");
      assertThat(retriesSeen).containsExactly(3, 2);
    }
  }

  @Test
  void aRetryBackoffWaitsForTheEngineClock() throws Exception {
    BlockingQueue<ActivatedJob> offered = new LinkedBlockingQueue<>();
    AtomicInteger attempts = new AtomicInteger();
    try (JobWorker backingOff =
        fixture.streamOnlyWorker(
            "lite.check",
            Duration.ofHours(2),
            (client, job) -> {
              offered.add(job);
              if (attempts.incrementAndGet() == 1) {
                client
                    .newFailCommand(job)
                    .retries(2)
                    .retryBackoff(Duration.ofMinutes(5))
                    .send()
                    .join();
              } else {
                client.newCompleteCommand(job).send().join();
              }
            })) {
      var end = fixture.startAwaitingEnd("validate-or-reject", Map.of());
      assertThat(offered.poll(10, TimeUnit.SECONDS)).isNotNull();
      fixture.engine().waitForIdleState(Duration.ofSeconds(10));
      assertThat(offered).isEmpty();

      fixture.engine().increaseTime(Duration.ofMinutes(5));

      assertThat(offered.poll(10, TimeUnit.SECONDS)).isNotNull();
      assertThat(end.join().getProcessInstanceKey()).isPositive();
    }
  }

  @Test
  void aJobNotCompletedInTimeIsOfferedAgainOnceTheClockPassesItsTimeout() throws Exception {
    BlockingQueue<ActivatedJob> offered = new LinkedBlockingQueue<>();
    try (JobWorker slow =
        fixture
            .client()
            .newWorker()
            .jobType("lite.check")
            .handler((client, job) -> offered.add(job))
            .timeout(Duration.ofMinutes(1))
            .open()) {
      fixture.startAwaitingEnd("validate-or-reject", Map.of());
      ActivatedJob first = offered.poll(10, TimeUnit.SECONDS);
      assertThat(first).isNotNull();

      fixture.engine().increaseTime(Duration.ofMinutes(1).plusSeconds(1));

      // A timed-out job is not pushed to streams: the worker's next poll finds it, which took over
      // 10 s once on a machine at load 21 (the engine's timeout check and the poll both wait their
      // turn).
      ActivatedJob again = offered.poll(30, TimeUnit.SECONDS);
      assertThat(again).isNotNull();
      assertThat(again.getKey()).isEqualTo(first.getKey());
      fixture.client().newCompleteCommand(again).send().join();
    }
  }

  @Test
  void aThrownBpmnErrorIsCaughtByTheBoundaryEventWithItsVariables() {
    try (JobWorker rejecting =
        fixture.worker(
            "lite.check",
            (client, job) ->
                client
                    .newThrowErrorCommand(job)
                    .errorCode("INVALID")
                    .errorMessage("bad payload")
                    .variables(Map.of("reason", "amount missing"))
                    .send()
                    .join())) {

      assertThat(fixture.runToEnd("validate-or-reject", Map.of()))
          .containsEntry("path", "rejected: amount missing");
    }
  }

  @Test
  void jobsCanBeActivatedByPollingAndCompleted() throws Exception {
    long instance =
        fixture
            .client()
            .newCreateInstanceCommand()
            .bpmnProcessId("validate-or-reject")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();

    List<ActivatedJob> jobs = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (jobs.isEmpty() && System.nanoTime() < deadline) {
      jobs =
          fixture
              .client()
              .newActivateJobsCommand()
              .jobType("lite.check")
              .maxJobsToActivate(1)
              .timeout(Duration.ofMinutes(1))
              .send()
              .join()
              .getJobs();
    }

    assertThat(jobs)
        .singleElement()
        .extracting(ActivatedJob::getProcessInstanceKey)
        .isEqualTo(instance);
    fixture.client().newCompleteCommand(jobs.get(0)).send().join();
  }
}
