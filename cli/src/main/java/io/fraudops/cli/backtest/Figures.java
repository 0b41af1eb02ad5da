package io.fraudops.cli.backtest;

import io.fraudops.workers.process.RoutedOutcome;

/**
 * The figures a risk owner weighs for one table over the same payments. Reviews count every payment
 * the process sends to an analyst: REVIEW, and an outcome the process does not know (it routes
 * those to review).
 *
 * @param falseDeclines declined without a fraud label (no chargeback came, no analyst said fraud)
 * @param genuineDeclined declined although a label says genuine: the confirmed part of the false
 *     declines
 */
record Figures(
    long payments,
    long approved,
    long declined,
    long reviews,
    long fraud,
    long fraudDeclined,
    long fraudReviewed,
    long fraudApproved,
    long falseDeclines,
    long genuineDeclined) {

  /** Adds one payment routed to {@code outcome}. */
  static final class Counter {
    private long payments;
    private long approved;
    private long declined;
    private long reviews;
    private long fraud;
    private long fraudDeclined;
    private long fraudReviewed;
    private long fraudApproved;
    private long falseDeclines;
    private long genuineDeclined;

    void add(RoutedOutcome outcome, Truth truth) {
      payments++;
      boolean isFraud = truth == Truth.FRAUD;
      if (isFraud) {
        fraud++;
      }
      switch (outcome) {
        case APPROVE -> {
          approved++;
          fraudApproved += isFraud ? 1 : 0;
        }
        case DECLINE -> {
          declined++;
          fraudDeclined += isFraud ? 1 : 0;
          falseDeclines += isFraud ? 0 : 1;
          genuineDeclined += truth == Truth.GENUINE ? 1 : 0;
        }
        case REVIEW, OTHER -> {
          reviews++;
          fraudReviewed += isFraud ? 1 : 0;
        }
      }
    }

    Figures figures() {
      return new Figures(
          payments,
          approved,
          declined,
          reviews,
          fraud,
          fraudDeclined,
          fraudReviewed,
          fraudApproved,
          falseDeclines,
          genuineDeclined);
    }
  }
}
