package io.fraudops.cli.backtest;

/** What the labels say of a payment: an analyst's verdict, a chargeback or an imported label. */
enum Truth {
  /** At least one label says fraud (a chargeback outweighs an analyst's approval). */
  FRAUD,
  /** Labelled, and no label says fraud. */
  GENUINE,
  /** No label: presumed genuine for false declines, since no chargeback came. */
  UNLABELLED;

  static Truth of(Boolean anyFraud) {
    return anyFraud == null ? UNLABELLED : anyFraud ? FRAUD : GENUINE;
  }
}
