package io.fraudops.workers.payment;

import io.fraudops.feature.transaction.TransactionParser;
import io.fraudops.workers.process.ScreenedPayment;
import java.util.Map;

/** The tokenized form the intake would ledger for a payload. */
final class ScreenedPaymentsForTest {

  private ScreenedPaymentsForTest() {}

  static ScreenedPayment of(Map<String, Object> payload) {
    return ScreenedPayment.of(
        new TransactionParser(io.fraudops.workers.Payments.CARDS).parse(payload));
  }
}
