package io.fraudops.workers.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.fraudops.workers.payment.PaymentLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The review's non-interrupting timer fired ({@code fraud.review-escalate}): the review stays open
 * and also goes to the escalation group. In Tasklist mode the Camunda user task's candidate groups
 * are updated through the Orchestration Cluster API; with the local inbox the held review shows the
 * group. Either way the payment's history in the ledger says so.
 */
@Component
public class ReviewEscalationWorker {

  static final String JOB_TYPE = "fraud.review-escalate";
  static final String REVIEW_TASK = "Task_ManualReview";
  private static final Logger log = LoggerFactory.getLogger(ReviewEscalationWorker.class);

  private final ReviewSlaProperties sla;
  private final PaymentLedger ledger;
  private final ReviewMode mode;
  private final ObjectProvider<ReviewInbox> inbox;
  private final CamundaClient client;
  private final Clock clock;

  ReviewEscalationWorker(
      ReviewSlaProperties sla,
      PaymentLedger ledger,
      ReviewMode mode,
      ObjectProvider<ReviewInbox> inbox,
      CamundaClient client,
      Clock clock) {
    this.sla = sla;
    this.ledger = ledger;
    this.mode = mode;
    this.inbox = inbox;
    this.client = client;
    this.clock = clock;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Input(String transactionId) {}

  @JobWorker(type = JOB_TYPE)
  public void escalate(@VariablesAsType Input in, @ProcessInstanceKey long instance) {
    String group = sla.escalationGroup();
    int tasks =
        mode == ReviewMode.JOB_WORKER
            ? inbox.getObject().escalate(instance, group, clock.instant())
            : escalateInTasklist(instance, group);
    if (in.transactionId() != null) {
      ledger.note(
          in.transactionId(),
          instance,
          "review escalated to " + group + ": untouched past its SLA");
    }
    log.info(
        "Review of {} (instance {}) escalated to {} ({} open task(s))",
        in.transactionId(),
        instance,
        group,
        tasks);
  }

  /** Adds the group to the open review task of the instance; a completed one is left alone. */
  private int escalateInTasklist(long instance, String group) {
    List<UserTask> open =
        client
            .newUserTaskSearchRequest()
            .filter(
                f ->
                    f.processInstanceKey(instance)
                        .elementId(REVIEW_TASK)
                        .state(UserTaskState.CREATED))
            .send()
            .join()
            .items();
    for (UserTask task : open) {
      List<String> groups =
          new ArrayList<>(
              task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups());
      if (!groups.contains(group)) {
        groups.add(group);
      }
      client
          .newUpdateUserTaskCommand(task.getUserTaskKey())
          .candidateGroups(groups)
          .action("escalate")
          .send()
          .join();
    }
    return open.size();
  }
}
