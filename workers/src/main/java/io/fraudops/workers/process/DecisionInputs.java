package io.fraudops.workers.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The variables the decision table reads, recorded with each decision ({@code
 * decision_audit.decision_inputs}) so that {@code ./fraud backtest} can re-decide the payment with
 * a candidate table on exactly what the live table saw. Each component carries the name of its
 * process variable. Every process variable the table names must be one of them: a test reads the
 * DMN and fails otherwise, because a backtest could not reproduce a rule that reads a variable
 * nobody kept.
 *
 * @param transaction the payment's fields without the card (masked number, fingerprint or token):
 *     no rule reads them, and the payment ledger already holds them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionInputs(
    String transactionId,
    Map<String, Object> transaction,
    Map<String, Double> features,
    Boolean featuresComplete,
    String degradedReason,
    Double score,
    Boolean scoreAvailable,
    String modelVersion,
    List<Map<String, Object>> topReasons,
    Map<String, Object> thresholds) {

  /** The process variable names kept, one per component. */
  public static final Set<String> NAMES =
      Arrays.stream(DecisionInputs.class.getRecordComponents())
          .map(RecordComponent::getName)
          .collect(Collectors.toUnmodifiableSet());

  public DecisionInputs {
    if (transaction != null) {
      Map<String, Object> withoutCard = new LinkedHashMap<>(transaction);
      withoutCard.keySet().removeIf(key -> key.toLowerCase(Locale.ROOT).startsWith("card"));
      transaction = withoutCard;
    }
  }
}
