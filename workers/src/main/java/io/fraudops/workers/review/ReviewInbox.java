package io.fraudops.workers.review;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.VariablesAsType;
import io.fraudops.workers.audit.DecisionRecorded;
import io.fraudops.workers.process.ProcessVariables;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Holds the manual-review tasks of the embedded runtime until an analyst decides.
 *
 * <p>The embedded engine cannot complete Camunda user tasks (no REST API, no Tasklist), so the
 * review task is deployed there as a job-worker user task: this worker activates those jobs without
 * completing them, keeps them for {@code fraud.review.hold-for}, and completes one with the
 * analyst's verdict. If the application restarts, the engine hands the jobs out again after the
 * hold time; nothing is lost.
 */
@Component
@ConditionalOnProperty(name = "fraud.review.mode", havingValue = "job-worker")
public class ReviewInbox {

  static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";
  private static final Logger log = LoggerFactory.getLogger(ReviewInbox.class);

  private final Map<Long, PendingReview> pending = new ConcurrentHashMap<>();
  private final CamundaClient client;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public ReviewInbox(CamundaClient client, ApplicationEventPublisher events, Clock clock) {
    this.client = client;
    this.events = events;
    this.clock = clock;
  }

  @JobWorker(type = USER_TASK_JOB_TYPE, autoComplete = false, timeout = 7L * 24 * 3600 * 1000)
  public void hold(
      @VariablesAsType PendingReview.Context context,
      @JobKey long jobKey,
      @ProcessInstanceKey long processInstanceKey,
      @CustomHeaders Map<String, String> headers) {
    PendingReview review =
        PendingReview.from(jobKey, processInstanceKey, context, headers, clock.instant());
    pending.putIfAbsent(jobKey, review);
  }

  /** Pending reviews, highest priority (score and amount) first, then riskiest. */
  public List<PendingReview> pending() {
    return pending.values().stream()
        .sorted(
            Comparator.comparing((PendingReview r) -> r.priority() == null ? 50 : r.priority())
                .thenComparing(r -> r.score() == null ? 1.0 : r.score())
                .reversed())
        .toList();
  }

  /**
   * Offers the instance's held review to {@code group} as well (the SLA's escalation).
   *
   * @return how many held reviews were escalated (0 when it was decided meanwhile)
   */
  int escalate(long processInstanceKey, String group, Instant at) {
    int escalated = 0;
    for (PendingReview review : pending.values()) {
      if (review.processInstanceKey() == processInstanceKey
          && pending.replace(review.key(), review, review.escalatedTo(group, at))) {
        escalated++;
      }
    }
    return escalated;
  }

  /**
   * A decision recorded without this inbox, such as an expired review's decline, ends the review:
   * the engine cancelled its job, so the inbox lets it go too.
   */
  @EventListener
  void decided(DecisionRecorded decision) {
    pending.values().removeIf(r -> r.processInstanceKey() == decision.processInstanceKey());
  }

  public Optional<PendingReview> find(long key) {
    return Optional.ofNullable(pending.get(key));
  }

  public int size() {
    return pending.size();
  }

  /** Completes the review task with the analyst's verdict; the process then records it. */
  public PendingReview complete(long key, ReviewOutcome outcome) {
    PendingReview review = pending.get(key);
    if (review == null) {
      throw new UnknownReviewException(key);
    }
    client
        .newCompleteCommand(key)
        .variables(
            Map.of(
                ProcessVariables.REVIEW_DECISION, outcome.decision().name(),
                ProcessVariables.REVIEW_COMMENT, outcome.comment(),
                ProcessVariables.REVIEWED_BY, outcome.reviewedBy()))
        .send()
        .join();
    pending.remove(key);
    log.info(
        "Review {} of transaction {}: {} by {}",
        key,
        review.transactionId(),
        outcome.decision(),
        outcome.reviewedBy());
    return review;
  }

  /** No pending review has that key (already decided, or never existed). */
  public static class UnknownReviewException extends RuntimeException {
    public UnknownReviewException(long key) {
      super("No pending review with key " + key + " (already decided, or unknown)");
    }
  }
}
