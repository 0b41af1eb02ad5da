package io.fraudops.cli.e2e;

import io.fraudops.workers.process.ScreenedPayment;
import io.fraudops.workers.screening.FetchFeaturesWorker;
import io.fraudops.workers.screening.ScoreWorker;
import io.fraudops.workers.screening.ValidateTransactionWorker;

/**
 * What the no-op workers answer: the real workers' outputs for one real payment (features read from
 * the stores, scored by the serving model), made once and returned for every job, so the no-op
 * process carries variables of the same names and sizes as the real one.
 */
record CannedVariables(
    ScreenedPayment payment,
    FetchFeaturesWorker.FeaturesFetched features,
    ScoreWorker.Scored scored) {

  /** Validate's answer for the payment {@code transactionId}: the canned payment under that id. */
  ValidateTransactionWorker.Validated validated(String transactionId) {
    return new ValidateTransactionWorker.Validated(transactionId, withId(payment, transactionId));
  }

  /** The same payment under another transaction id. */
  static ScreenedPayment withId(ScreenedPayment p, String transactionId) {
    return new ScreenedPayment(
        transactionId,
        p.customerId(),
        p.cardNumber(),
        p.cardFingerprint(),
        p.amount(),
        p.currency(),
        p.merchantId(),
        p.merchantCategory(),
        p.country(),
        p.latitude(),
        p.longitude(),
        p.channel(),
        p.timestamp(),
        p.deviceId());
  }
}
