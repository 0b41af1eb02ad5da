package io.fraudops.workers.screening;

import io.fraudops.feature.transaction.InvalidTransactionException;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.feature.transaction.TransactionParser;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads the process variables the screening workers share. */
@Component
public class ScreeningVariables {

  public static final String TRANSACTION = "transaction";
  private final TransactionParser parser;

  public ScreeningVariables(TransactionParser parser) {
    this.parser = parser;
  }

  /** Parses the payload as it arrived at the start of the process. */
  public Transaction incoming(Map<String, Object> variables) {
    if (!(variables.get(TRANSACTION) instanceof Map<?, ?> payload)) {
      throw new InvalidTransactionException(
          List.of("the process variable 'transaction' must be an object with the payment's fields"));
    }
    return parser.parse(cast(payload));
  }

  /** The transaction after validation (card masked, with its fingerprint). */
  public Transaction validated(Map<String, Object> variables) {
    if (!(variables.get(TRANSACTION) instanceof Map<?, ?> payload)) {
      throw new IllegalStateException("the process variable 'transaction' is missing after validation");
    }
    return parser.parse(cast(payload));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
