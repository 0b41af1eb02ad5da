package io.fraudops.cli.backtest;

import io.fraudops.workers.process.RoutedOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One payment the live decision table decided, as recorded: where the table sent it, how it ended,
 * what the table read, and what the labels say now.
 *
 * @param live where the live table sent it
 * @param finalOutcome APPROVED or DECLINED, or null while its review is pending
 * @param inputs the variables the table read, or null when they were not recorded (decided before
 *     V12)
 * @param labels the labels' sources, e.g. {@code chargeback=fraud, analyst=genuine}; null without
 *     any
 */
record RecordedDecision(
    String transactionId,
    Instant receivedAt,
    RoutedOutcome live,
    String liveRule,
    String finalOutcome,
    String decidedBy,
    Double score,
    Map<String, Object> inputs,
    Truth truth,
    String labels) {

  RecordedDecision {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(truth, "truth");
  }

  /** The amount and currency as the table saw them, for examples; empty when not recorded. */
  String amount() {
    if (inputs == null || !(inputs.get("transaction") instanceof Map<?, ?> payment)) {
      return "";
    }
    Object amount = payment.get("amount");
    String value =
        amount instanceof Number n
            ? new BigDecimal(n.toString())
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString()
            : String.valueOf(amount);
    return payment.get("currency") == null ? value : value + " " + payment.get("currency");
  }
}
