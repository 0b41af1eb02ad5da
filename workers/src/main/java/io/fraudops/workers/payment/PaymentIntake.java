package io.fraudops.workers.payment;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.fraudops.feature.transaction.CardNumber;
import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.feature.transaction.InvalidTransactionException;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.feature.transaction.TransactionParser;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.process.ProcessVariables;
import io.fraudops.workers.process.ScreenedPayment;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Accepts a payment for screening: validates and tokenizes it (no clear card number goes further),
 * writes it to the ledger before anything else (the outbox), then starts its process instance. The
 * same transaction id with the same payload is the same payment (the answer is its current state);
 * with another payload it is refused. A payment whose start fails stays RECEIVED and the recovery
 * starts it: once accepted, it is never lost.
 */
@Service
public class PaymentIntake {

  public static final String PROCESS_ID = "transaction-screening";
  private static final Logger log = LoggerFactory.getLogger(PaymentIntake.class);
  private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);

  private final TransactionParser parser;
  private final CardTokenizer cards;
  private final PaymentLedger ledger;
  private final CamundaClient client;
  private final DecisionAudit audit;
  private final LedgerProperties properties;
  private final Clock clock;
  private final MeterRegistry meters;
  private final AnswerWaiters waiters;

  PaymentIntake(
      TransactionParser parser,
      CardTokenizer cards,
      PaymentLedger ledger,
      CamundaClient client,
      DecisionAudit audit,
      LedgerProperties properties,
      Clock clock,
      MeterRegistry meters,
      AnswerWaiters waiters) {
    this.waiters = waiters;
    this.cards = cards;
    this.parser = parser;
    this.ledger = ledger;
    this.client = client;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
    this.meters = meters;
  }

  /**
   * Validates, ledgers and starts a payment; the instance is started before this returns when it is
   * new (use {@link #submitAsync} not to wait for the gateway).
   */
  public Submission submit(Map<String, ?> payload, String source) {
    Submission submission = admit(payload, source);
    if (submission instanceof Submission.Accepted accepted && accepted.isNew()) {
      start(accepted.payment()).join();
      return new Submission.Accepted(
          ledger.find(accepted.payment().transactionId()).orElseThrow(), true);
    }
    return submission;
  }

  /**
   * A submission whose instance start runs on; {@code instance} completes with its key (null if
   * none).
   */
  public record Started(Submission submission, CompletableFuture<Long> instance) {}

  /** As {@link #submit}, without waiting for the gateway to start the instance. */
  public Started submitAsync(Map<String, ?> payload, String source) {
    Submission submission = admit(payload, source);
    if (submission instanceof Submission.Accepted accepted && accepted.isNew()) {
      return new Started(submission, start(accepted.payment()));
    }
    return new Started(submission, CompletableFuture.completedFuture(null));
  }

  private Submission admit(Map<String, ?> raw, String source) {
    // First of all: from here on only the tokenized payload exists (masked card, keyed fingerprint,
    // MAC).
    Map<String, Object> payload = cards.tokenize(raw);
    Transaction tx;
    try {
      tx = parser.parse(payload);
    } catch (InvalidTransactionException e) {
      reject(payload, e.problems());
      return new Submission.Rejected(e.problems());
    }
    ScreenedPayment tokenized = ScreenedPayment.of(tx);
    String json = PaymentDigest.json(tokenized);
    String digest = PaymentDigest.of(json);
    return switch (ledger.admit(tx.transactionId(), digest, json, source, clock.instant())) {
      case Admission.Admitted admitted -> new Submission.Accepted(admitted.payment(), true);
      case Admission.Existing existing -> new Submission.Accepted(existing.payment(), false);
      case Admission.Conflict conflict ->
          new Submission.Conflict(
              tx.transactionId(), conflict.existing().payloadDigest(), conflict.offeredDigest());
    };
  }

  /**
   * Starts the payment's process instance and attaches it in the ledger. A failed start is logged
   * and left to the recovery: the payment stays RECEIVED.
   */
  CompletableFuture<Long> start(Payment payment) {
    ScreenedPayment screened = PaymentDigest.read(payment.payloadJson());
    Map<String, Object> transaction = PaymentDigest.asMap(screened);
    if (screened.cardNumber() != null) {
      // The MAC proves to Validate that this service tokenized the card for this transaction id.
      transaction.put(
          "cardTokenMac",
          cards.tokenMac(
              new CardNumber(screened.cardNumber(), screened.cardFingerprint()),
              screened.transactionId()));
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.TRANSACTION, transaction);
    variables.put(ProcessVariables.RECEIVED_AT, payment.receivedAt().toEpochMilli());
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .variables(variables)
        // A timed-out create may still have started the instance: the ledger's claim at Validate
        // makes a
        // second one harmless, and the recovery starts the payment if none did.
        .requestTimeout(CREATE_TIMEOUT)
        .send()
        .toCompletableFuture()
        .thenApply(ProcessInstanceEvent::getProcessInstanceKey)
        .thenApply(
            key -> {
              ledger.attach(payment.transactionId(), key, properties.engineEpoch());
              return key;
            })
        .exceptionally(
            error -> {
              log.warn(
                  "Could not start the screening of {} ({}); the recovery starts it again",
                  payment.transactionId(),
                  error.getMessage());
              meters.counter("fraud.ledger.start.failures").increment();
              return null;
            });
  }

  /**
   * An invalid payload never reaches the engine; its rejection is audited without any card data.
   */
  private void reject(Map<String, ?> payload, List<String> problems) {
    // Keyed, as the engine path's RejectionKey: a rejected payload may carry a card number in any
    // field,
    // and a plain hash of an otherwise guessable payload could be tested against the numbers behind
    // a mask.
    String digest = cards.keyedDigest(PaymentDigest.canonical(withoutCard(payload)));
    Instant now = clock.instant();
    String claimed =
        payload != null && payload.get("transactionId") instanceof String id && id.length() <= 64
            ? id
            : null;
    audit.record(
        new DecisionRecord(
            "rejected-intake-" + digest.substring(0, 32),
            claimed,
            0L,
            FinalOutcome.REJECTED,
            null,
            "engine",
            null,
            null,
            "INVALID_TRANSACTION",
            String.join("; ", problems),
            null,
            null,
            0L,
            now,
            null,
            null));
    meters
        .counter("fraud.decisions", "outcome", FinalOutcome.REJECTED.name(), "decidedBy", "engine")
        .increment();
    log.info(
        "Rejected a payload at intake ({}): {}",
        digest.substring(0, 12),
        String.join("; ", problems));
  }

  private static Map<String, Object> withoutCard(Map<String, ?> payload) {
    Map<String, Object> copy = payload == null ? new HashMap<>() : new HashMap<>(payload);
    copy.remove("cardNumber");
    copy.remove("cardFingerprint");
    return copy;
  }

  /**
   * Waits up to {@code deadline} for the payment to be decided or to wait for a review, and answers
   * its state then.
   */
  public Answer await(String transactionId, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      var next = waiters.next(transactionId);
      try {
        Payment payment = ledger.find(transactionId).orElseThrow();
        Answer answer = Answers.of(payment);
        long left = end - System.nanoTime();
        if (answer.status() != Answer.AnswerStatus.PENDING || left <= 0) {
          return answer;
        }
        // Re-read at least every half second: a notification can be missed while the listener
        // reconnects.
        next.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        // read again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Answers.of(ledger.find(transactionId).orElseThrow());
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e);
      } finally {
        waiters.forget(transactionId, next);
      }
    }
  }
}
