package io.fraudops.cli.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.fraudops.workers.process.ReasonText;
import io.fraudops.workers.process.RoutedOutcome;
import java.util.Map;

/**
 * What a table decided for one payment when the engine evaluated it again.
 *
 * @param reason the table's Reason with its placeholders filled from the payment, as the workers
 *     fill it for the audit ({@link ReasonText}); a misspelt placeholder stays visible here
 * @param outcome null when the evaluation failed
 * @param failure why the engine could not evaluate it, else null
 */
record Redecision(RoutedOutcome outcome, String rule, String reason, String failure) {

  /**
   * No rule matched: the decision is null and the process's default flow sends the payment to
   * review.
   */
  static final String NO_RULE = "(no rule matched)";

  private static final ObjectMapper JSON = new ObjectMapper();

  static Redecision failed(String failure) {
    return new Redecision(null, null, null, failure);
  }

  boolean failed() {
    return outcome == null;
  }

  /**
   * Reads the engine's answer. A table with one output column answers a string; one with several an
   * object whose {@code outcome} routes the payment. Another output the process does not know
   * routes to review, as in the process ({@link RoutedOutcome#OTHER}).
   */
  static Redecision of(EvaluateDecisionResponse response, Map<String, Object> variables) {
    if (response.getFailureMessage() != null && !response.getFailureMessage().isBlank()) {
      return failed(response.getFailedDecisionId() + ": " + response.getFailureMessage());
    }
    try {
      JsonNode output =
          JSON.readTree(
              response.getDecisionOutput() == null ? "null" : response.getDecisionOutput());
      if (output == null || output.isNull()) {
        return new Redecision(RoutedOutcome.REVIEW, NO_RULE, null, null);
      }
      if (output.isTextual()) {
        return new Redecision(RoutedOutcome.of(output.asText()), null, null, null);
      }
      String reason = ReasonText.fill(text(output, "reason"), ReasonText.facts(variables));
      return new Redecision(
          RoutedOutcome.of(text(output, "outcome")),
          text(output, "rule"),
          reason.isEmpty() ? null : reason,
          null);
    } catch (java.io.IOException e) {
      return failed(
          "unreadable decision output " + response.getDecisionOutput() + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode output, String field) {
    JsonNode value = output.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
