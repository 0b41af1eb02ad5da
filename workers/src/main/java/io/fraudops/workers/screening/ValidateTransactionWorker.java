package io.fraudops.workers.screening;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.fraudops.feature.transaction.InvalidTransactionException;
import io.fraudops.feature.transaction.Transaction;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks the payload. An invalid one becomes the INVALID_TRANSACTION BPMN error, which the process
 * routes to the REJECTED end with the readable message; a valid one replaces the payload with its
 * normalised form, card number masked.
 */
@Component
public class ValidateTransactionWorker {

  static final String INVALID_TRANSACTION = "INVALID_TRANSACTION";
  private static final Logger log = LoggerFactory.getLogger(ValidateTransactionWorker.class);

  private final ScreeningVariables variables;

  ValidateTransactionWorker(ScreeningVariables variables) {
    this.variables = variables;
  }

  @JobWorker(type = "fraud.validate-transaction", fetchVariables = ScreeningVariables.TRANSACTION)
  public Map<String, Object> validate(ActivatedJob job) {
    try {
      Transaction tx = variables.incoming(job.getVariablesAsMap());
      return Map.of(ScreeningVariables.TRANSACTION, tx.toMap(), "transactionId", tx.transactionId());
    } catch (InvalidTransactionException e) {
      log.info("Rejected the payload of process instance {}: {}", job.getProcessInstanceKey(), e.getMessage());
      throw CamundaError.bpmnError(
          INVALID_TRANSACTION, e.getMessage(), Map.of("validationMessage", e.getMessage()));
    }
  }
}
