package io.fraudops.local.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UserTaskTest {

  /** The job type Zeebe gives a user task without {@code zeebe:userTask} (job-worker user task). */
  static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";

  @Test
  void anOverdueReviewIsEscalatedWithoutCancellingItThenCompletedByAnAnalyst() throws Exception {
    try (EngineFixture fixture = new EngineFixture()) {
      fixture.deploy("models/review-with-escalation.bpmn", "models/lite-review.form");
      BlockingQueue<ActivatedJob> reviews = new LinkedBlockingQueue<>();
      BlockingQueue<ActivatedJob> escalations = new LinkedBlockingQueue<>();
      // A review stays open for hours: the job must not time out while the clock moves.
      try (JobWorker inbox =
              fixture.streamOnlyWorker(
                  USER_TASK_JOB_TYPE, Duration.ofDays(1), (c, job) -> reviews.add(job));
          JobWorker escalate =
              fixture.streamOnlyWorker(
                  "lite.escalate",
                  Duration.ofDays(1),
                  (client, job) -> {
                    escalations.add(job);
                    client
                        .newCompleteCommand(job)
                        .variables(Map.of("escalated", true))
                        .send()
                        .join();
                  })) {
        var end =
            fixture.startAwaitingEnd("review-with-escalation", Map.of("transactionId", "t-1"));

        ActivatedJob review = reviews.poll(10, TimeUnit.SECONDS);
        assertThat(review).isNotNull();
        assertThat(review.getElementId()).isEqualTo("Review");
        assertThat(review.getCustomHeaders())
            .containsEntry("io.camunda.zeebe:candidateGroups", "[\"fraud-analysts\"]");
        assertThat(review.getVariablesAsMap()).containsEntry("transactionId", "t-1");

        fixture.engine().increaseTime(Duration.ofMinutes(59));
        fixture.engine().waitForIdleState(Duration.ofSeconds(10));
        assertThat(escalations).isEmpty();

        fixture.engine().increaseTime(Duration.ofMinutes(2));
        assertThat(escalations.poll(10, TimeUnit.SECONDS)).isNotNull();

        // Non-interrupting: the review is still open and completes the instance.
        fixture
            .client()
            .newCompleteCommand(review)
            .variables(Map.of("reviewDecision", "APPROVE"))
            .send()
            .join();
        assertThat(end.join().getVariablesAsMap())
            .containsEntry("reviewDecision", "APPROVE")
            .containsEntry("escalated", true);
        assertThat(reviews).isEmpty();
      }
    }
  }
}
