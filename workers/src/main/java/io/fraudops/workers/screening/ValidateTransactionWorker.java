package io.fraudops.workers.screening;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import io.fraudops.feature.transaction.InvalidTransactionException;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.feature.transaction.TransactionParser;
import io.fraudops.workers.payment.Claim;
import io.fraudops.workers.payment.LedgerProperties;
import io.fraudops.workers.payment.PaymentDigest;
import io.fraudops.workers.payment.PaymentLedger;
import io.fraudops.workers.process.ProcessVariables;
import io.fraudops.workers.process.ScreenedPayment;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The process's first step, once for the whole process: checks the payload and claims the payment
 * in the ledger. An invalid payload, variables only the process may set supplied at creation, or a
 * transaction id already used for another payload become the INVALID_TRANSACTION BPMN error (the
 * REJECTED end, with the readable message); a payment another instance screens or already decided
 * becomes ALREADY_SCREENED (an end without side effects). A valid one replaces the payload with its
 * normalised form, which every later worker reads.
 *
 * <p>The card must arrive tokenized (masked, keyed fingerprint, and the MAC that proves this
 * service's tokenizer made them for this transaction id), as {@code POST /transactions} sends it. A
 * clear card number from a caller that created the instance through the gateway is refused, not
 * tokenized here: by the time this job runs, the engine's records already hold the number, so
 * accepting it would let that integration leak every card it sends while looking healthy; a
 * REJECTED payment with its reason makes the mistake visible on the first payment.
 */
@Component
public class ValidateTransactionWorker {

  static final String INVALID_TRANSACTION = "INVALID_TRANSACTION";
  static final String ALREADY_SCREENED = "ALREADY_SCREENED";
  private static final Logger log = LoggerFactory.getLogger(ValidateTransactionWorker.class);

  private final TransactionParser parser;
  private final PaymentLedger ledger;
  private final LedgerProperties ledgerProperties;
  private final Clock clock;

  ValidateTransactionWorker(
      TransactionParser parser,
      PaymentLedger ledger,
      LedgerProperties ledgerProperties,
      Clock clock) {
    this.parser = parser;
    this.ledger = ledger;
    this.ledgerProperties = ledgerProperties;
    this.clock = clock;
  }

  /**
   * What this worker reads: the payload, and every name only the process may set, to refuse a
   * caller who supplies one (an instance created with {@code reviewDecision} must not look
   * reviewed).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Input(
      Object transaction,
      Object receivedAt,
      Object transactionId,
      Object validationMessage,
      Object features,
      Object featuresComplete,
      Object degradedReason,
      Object score,
      Object scoreAvailable,
      Object modelVersion,
      Object topReasons,
      Object thresholds,
      Object shadowScores,
      Object inferenceConfigVersion,
      Object decision,
      Object outcome,
      Object reviewDecision,
      Object reviewComment,
      Object reviewedBy,
      Object finalDecision,
      Object reviewPriority,
      Object reviewReason,
      Object reviewEscalateAfter,
      Object reviewDeadline,
      Object reviewExpired) {

    private static final RecordComponent[] COMPONENTS = Input.class.getRecordComponents();

    static {
      // The record is how the job fetches the variables, so it must name exactly what a caller may
      // supply plus every reserved name: a name added to ProcessVariables.RESERVED and not here
      // would
      // slip through unchecked, which this refuses at class load (and so in every test).
      Set<String> names = new HashSet<>();
      for (RecordComponent component : COMPONENTS) {
        names.add(component.getName());
      }
      Set<String> expected = new HashSet<>(ProcessVariables.RESERVED);
      expected.addAll(ProcessVariables.CALLER_SUPPLIED);
      if (!names.equals(expected)) {
        throw new IllegalStateException(
            "ValidateTransactionWorker.Input must name ProcessVariables.CALLER_SUPPLIED and RESERVED exactly; it names "
                + names
                + ", expected "
                + expected);
      }
    }

    /** The reserved names this instance was created with. */
    List<String> reservedSupplied() {
      List<String> names = new ArrayList<>();
      for (RecordComponent component : COMPONENTS) {
        if (ProcessVariables.RESERVED.contains(component.getName()) && valueOf(component) != null) {
          names.add(component.getName());
        }
      }
      return names;
    }

    private Object valueOf(RecordComponent component) {
      try {
        return component.getAccessor().invoke(this);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
    }
  }

  /** What Validate adds to the process: the payment's id and its normalised form. */
  public record Validated(String transactionId, ScreenedPayment transaction) {}

  @JobWorker(type = "fraud.validate-transaction")
  public Validated validate(@VariablesAsType Input input, @ProcessInstanceKey long instance) {
    Transaction tx = parse(input, instance);
    ScreenedPayment payment = ScreenedPayment.of(tx);
    String json = PaymentDigest.json(payment);
    String digest = PaymentDigest.of(json);
    Claim claim =
        ledger.claim(
            tx.transactionId(),
            digest,
            json,
            instance,
            ledgerProperties.engineEpoch(),
            clock.instant());
    switch (claim) {
      case Claim.Proceed proceed -> {}
      case Claim.Conflict conflict ->
          throw invalid(
              instance,
              "transactionId "
                  + tx.transactionId()
                  + " was already screened with another payload (digest "
                  + conflict.existingDigest()
                  + "); this payload's digest is "
                  + conflict.offeredDigest());
      case Claim.AlreadyDecided decided -> {
        log.info(
            "Instance {} ends: {} was already decided ({})",
            instance,
            tx.transactionId(),
            decided.outcome());
        throw CamundaError.bpmnError(
            ALREADY_SCREENED, tx.transactionId() + " was already decided: " + decided.outcome());
      }
      case Claim.HeldByAnother other -> {
        log.info(
            "Instance {} ends: instance {} screens {}",
            instance,
            other.processInstanceKey(),
            tx.transactionId());
        throw CamundaError.bpmnError(
            ALREADY_SCREENED,
            tx.transactionId() + " is screened by instance " + other.processInstanceKey());
      }
    }
    return new Validated(tx.transactionId(), payment);
  }

  private Transaction parse(Input input, long instance) {
    List<String> reserved = input.reservedSupplied();
    if (!reserved.isEmpty()) {
      throw invalid(
          instance,
          "variables only the process may set were supplied at creation: "
              + String.join(", ", reserved)
              + "; start a screening with 'transaction' (and optionally 'receivedAt') only");
    }
    if (!(input.transaction() instanceof Map<?, ?> payload)) {
      throw invalid(
          instance,
          "the process variable 'transaction' must be an object with the payment's fields");
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, ?> fields = (Map<String, ?>) payload;
      return parser.parse(fields, input.receivedAt());
    } catch (InvalidTransactionException e) {
      throw invalid(instance, e.getMessage());
    }
  }

  private static RuntimeException invalid(long instance, String message) {
    log.info("Rejected the payload of process instance {}: {}", instance, message);
    return CamundaError.bpmnError(
        INVALID_TRANSACTION, message, Map.of(ProcessVariables.VALIDATION_MESSAGE, message));
  }
}
