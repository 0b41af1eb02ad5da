package io.fraudops.workers.screening;

import io.camunda.client.annotation.JobWorker;
import io.fraudops.workers.process.ProcessVariables;
import io.fraudops.workers.process.ScreenedPayment;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.fraudops.feature.transaction.InvalidTransactionException;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.feature.transaction.TransactionParser;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks the payload, once for the whole process. An invalid one becomes the INVALID_TRANSACTION
 * BPMN error, which the process routes to the REJECTED end with the readable message; a valid one
 * replaces the payload with its normalised form, which every later worker reads.
 *
 * <p>The card must arrive tokenized (masked, keyed fingerprint, and the MAC that proves this
 * service's tokenizer made them for this transaction id), as {@code POST /transactions} sends it.
 * A clear card number from a caller that created the instance through the gateway is refused, not
 * tokenized here: by the time this job runs, the engine's records already hold the number, so
 * accepting it would let that integration leak every card it sends while looking healthy; a
 * REJECTED payment with its reason makes the mistake visible on the first payment.
 */
@Component
public class ValidateTransactionWorker {

  static final String INVALID_TRANSACTION = "INVALID_TRANSACTION";
  private static final Logger log = LoggerFactory.getLogger(ValidateTransactionWorker.class);

  private final TransactionParser parser;

  ValidateTransactionWorker(TransactionParser parser) {
    this.parser = parser;
  }

  /** What Validate adds to the process: the payment's id and its normalised form. */
  public record Validated(String transactionId, ScreenedPayment transaction) {}

  @JobWorker(type = "fraud.validate-transaction")
  public Validated validate(
      @Variable(name = ProcessVariables.TRANSACTION) Object transaction,
      @Variable(name = ProcessVariables.RECEIVED_AT) Object receivedAt,
      @ProcessInstanceKey long instance) {
    try {
      if (!(transaction instanceof Map<?, ?> payload)) {
        throw new InvalidTransactionException(
            List.of("the process variable 'transaction' must be an object with the payment's fields"));
      }
      @SuppressWarnings("unchecked")
      Transaction tx = parser.parse((Map<String, ?>) payload, receivedAt);
      return new Validated(tx.transactionId(), ScreenedPayment.of(tx));
    } catch (InvalidTransactionException e) {
      log.info("Rejected the payload of process instance {}: {}", instance, e.getMessage());
      throw CamundaError.bpmnError(
          INVALID_TRANSACTION, e.getMessage(), Map.of(ProcessVariables.VALIDATION_MESSAGE, e.getMessage()));
    }
  }
}
