package io.fraudops.feature.chargeback;

/** No payment with the transaction id is in the offline store, so there is nothing to label. */
public final class UnknownTransactionException extends RuntimeException {

  private final String transactionId;

  public UnknownTransactionException(String transactionId) {
    super(
        "No payment with transaction id '"
            + transactionId
            + "' is known: a chargeback labels a payment"
            + " that was screened or loaded with the history");
    this.transactionId = transactionId;
  }

  public String transactionId() {
    return transactionId;
  }
}
