package io.fraudops.workers.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.worker.JobClient;
import io.fraudops.workers.payment.PaymentLedger;
import io.fraudops.workers.process.ProcessVariables;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The review task's user task listener on {@code completing} ({@code fraud.review-completing},
 * Tasklist mode only): records who completes the review. Tasklist completes a task as the user it
 * is assigned to, so the completer is the task's assignee; an unassigned completion (possible
 * through the API) is denied, so every verdict has a name. A task listener cannot set process
 * variables (Camunda 8.8), so the name goes to {@link ReviewCompletions}, where the record step
 * reads it as {@code reviewedBy}, and to the payment's history.
 *
 * <p>The job carries the user task's data in {@link ActivatedJob#getUserTask()} when it comes over
 * REST; over gRPC (8.8) the same data arrive as {@code io.camunda.zeebe:*} custom headers, read as
 * a fallback. The local inbox's job-worker user tasks have no task listeners (the deployment
 * removes them): there the analyst comes with the inbox's completion.
 */
@Component
public class ReviewCompletingListener {

  static final String JOB_TYPE = "fraud.review-completing";
  private static final Logger log = LoggerFactory.getLogger(ReviewCompletingListener.class);
  private static final String ASSIGNEE_HEADER = "io.camunda.zeebe:assignee";
  private static final String USER_TASK_KEY_HEADER = "io.camunda.zeebe:userTaskKey";

  private final ReviewCompletions completions;
  private final PaymentLedger ledger;
  private final Clock clock;

  ReviewCompletingListener(ReviewCompletions completions, PaymentLedger ledger, Clock clock) {
    this.completions = completions;
    this.ledger = ledger;
    this.clock = clock;
  }

  @JobWorker(
      type = JOB_TYPE,
      autoComplete = false,
      fetchVariables = ProcessVariables.TRANSACTION_ID)
  public void completing(JobClient jobs, ActivatedJob job) {
    String assignee = assignee(job);
    if (assignee == null) {
      jobs.newCompleteCommand(job)
          .withResult(
              r -> r.forUserTask().deny(true, "Assign the review to yourself before completing it"))
          .send()
          .join();
      log.warn(
          "Denied the unassigned completion of review task {} (instance {})",
          userTaskKey(job),
          job.getProcessInstanceKey());
      return;
    }
    Object transactionId = job.getVariablesAsMap().get(ProcessVariables.TRANSACTION_ID);
    String id = transactionId == null ? null : transactionId.toString();
    completions.record(
        job.getProcessInstanceKey(), id, userTaskKey(job), assignee, clock.instant());
    if (id != null) {
      ledger.note(id, job.getProcessInstanceKey(), "review completed in Tasklist by " + assignee);
    }
    jobs.newCompleteCommand(job).send().join();
  }

  static String assignee(ActivatedJob job) {
    UserTaskProperties task = job.getUserTask();
    String assignee =
        task != null ? task.getAssignee() : job.getCustomHeaders().get(ASSIGNEE_HEADER);
    return assignee == null || assignee.isBlank() ? null : assignee.trim();
  }

  private static Long userTaskKey(ActivatedJob job) {
    UserTaskProperties task = job.getUserTask();
    if (task != null && task.getUserTaskKey() != null) {
      return task.getUserTaskKey();
    }
    String header = job.getCustomHeaders().get(USER_TASK_KEY_HEADER);
    try {
      return header == null ? null : Long.valueOf(header);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
