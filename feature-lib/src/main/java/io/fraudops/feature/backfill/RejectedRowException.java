package io.fraudops.feature.backfill;

import java.util.List;

/**
 * A line that cannot be loaded, with every reason found; the messages never quote a card number.
 */
final class RejectedRowException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<String> reasons;
  private final String transactionId;

  /**
   * @param transactionId the row's id as far as it could be read, or empty
   */
  RejectedRowException(String transactionId, List<String> reasons) {
    super(Scrub.text(String.join("; ", reasons)), null, false, false);
    this.reasons = reasons.stream().map(Scrub::text).toList();
    this.transactionId = Scrub.text(transactionId);
  }

  RejectedRowException(String transactionId, String reason) {
    this(transactionId, List.of(reason));
  }

  List<String> reasons() {
    return reasons;
  }

  String transactionId() {
    return transactionId;
  }
}
