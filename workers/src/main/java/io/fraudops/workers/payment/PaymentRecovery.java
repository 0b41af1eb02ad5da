package io.fraudops.workers.payment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nothing accepted is lost: at start and then every {@code fraud.ledger.recovery-interval} it looks
 * for payments the ledger holds open whose instance cannot finish them, and starts them again.
 *
 * <ul>
 *   <li>RECEIVED for longer than {@code start-after}: its start failed, or its replica died between
 *       the ledger write and the create call. Started.
 *   <li>SCREENING or REVIEW_PENDING in an instance of an earlier engine epoch (the local runtime's
 *       engine keeps nothing across a restart): a screening is started again from the beginning
 *       (every side effect is keyed by the transaction id, so nothing is counted twice); a review
 *       is re-opened as it was, in a new instance started at the review task with the variables the
 *       ledger kept.
 * </ul>
 *
 * <p>Every step is a conditional update on the row as it was read, so with several replicas exactly
 * one restarts a payment, and a stale instance can never decide (see {@link PaymentLedger#decide}).
 */
@Component
class PaymentRecovery implements DisposableBean {

  static final String REVIEW_TASK = "Task_ManualReview";
  private static final Logger log = LoggerFactory.getLogger(PaymentRecovery.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {};
  private static final int BATCH = 500;

  private final PaymentLedger ledger;
  private final PaymentIntake intake;
  private final CamundaClient client;
  private final LedgerProperties properties;
  private final Clock clock;
  private final Counter restarted;
  private final Counter reopened;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("payment-recovery").factory());

  PaymentRecovery(
      PaymentLedger ledger,
      PaymentIntake intake,
      CamundaClient client,
      LedgerProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.ledger = ledger;
    this.intake = intake;
    this.client = client;
    this.properties = properties;
    this.clock = clock;
    this.restarted = meters.counter("fraud.ledger.recovered", "action", "restarted");
    this.reopened = meters.counter("fraud.ledger.recovered", "action", "review-reopened");
  }

  /**
   * Once the context is up (the process deployed, the workers open) and before any runner: a
   * command such as the replay runs as a runner and may wait for the payments this recovery
   * restarts.
   */
  @EventListener(ApplicationStartedEvent.class)
  void start() {
    long every = properties.recoveryInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::runSafely, 0, every, TimeUnit.MILLISECONDS);
  }

  private void runSafely() {
    try {
      recover();
    } catch (RuntimeException e) {
      log.warn(
          "Payment recovery failed this round, trying again in {}: {}",
          properties.recoveryInterval(),
          e.toString());
    }
  }

  /** One pass; returns how many payments it started again or re-opened. */
  int recover() {
    Instant now = clock.instant();
    int done = 0;
    List<Payment> open = ledger.open(now, BATCH);
    for (Payment payment : open) {
      done += recover(payment, now) ? 1 : 0;
    }
    if (done > 0) {
      log.info("Recovered {} payment(s): started again or their review re-opened", done);
    }
    return done;
  }

  private boolean recover(Payment p, Instant now) {
    boolean lostWithItsEngine =
        p.engineEpoch() != null && !p.engineEpoch().equals(properties.engineEpoch());
    return switch (p.status()) {
      case RECEIVED -> p.updatedAt().isBefore(now.minus(properties.startAfter())) && restart(p);
      case SCREENING ->
          lostWithItsEngine
              && ledger.release(p, "instance lost with engine epoch " + p.engineEpoch())
              && restart(ledger.find(p.transactionId()).orElseThrow());
      case REVIEW_PENDING -> lostWithItsEngine && reopen(p);
      default -> false;
    };
  }

  private boolean restart(Payment p) {
    if (!ledger.lease(p)) {
      return false; // another replica took it
    }
    Long key = intake.start(ledger.find(p.transactionId()).orElseThrow()).join();
    if (key != null) {
      restarted.increment();
      log.info("Started the screening of {} again (instance {})", p.transactionId(), key);
    }
    return key != null;
  }

  private boolean reopen(Payment p) {
    if (p.reviewContextJson() == null) {
      // Nothing to re-open from: screen it again instead.
      return ledger.release(p, "review lost without its context")
          && restart(ledger.find(p.transactionId()).orElseThrow());
    }
    Map<String, Object> variables;
    try {
      variables = JSON.readValue(p.reviewContextJson(), VARIABLES);
    } catch (Exception e) {
      log.warn(
          "Review context of {} unreadable ({}); screening it again",
          p.transactionId(),
          e.toString());
      return ledger.release(p, "review context unreadable")
          && restart(ledger.find(p.transactionId()).orElseThrow());
    }
    long key =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(PaymentIntake.PROCESS_ID)
            .latestVersion()
            .variables(variables)
            .startBeforeElement(REVIEW_TASK)
            .send()
            .join()
            .getProcessInstanceKey();
    if (ledger.reopened(p, key, properties.engineEpoch())) {
      reopened.increment();
      log.info("Re-opened the review of {} (instance {})", p.transactionId(), key);
      return true;
    }
    // Someone else re-opened or decided it meanwhile: this instance must not open a second review.
    client.newCancelInstanceCommand(key).send();
    return false;
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
  }
}
