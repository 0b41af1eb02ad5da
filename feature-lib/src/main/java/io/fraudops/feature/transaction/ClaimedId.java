package io.fraudops.feature.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The transaction id a payload claims, kept with a rejection so support can find it. An invalid
 * payload's id is not trusted, so it is kept only when it is a valid id (text, at most 64 printable
 * characters: no NUL byte for PostgreSQL to refuse) and holds no run of digits that may be a card
 * number (a sender that shifted its columns may have put the card number there).
 */
public final class ClaimedId {

  private ClaimedId() {}

  /**
   * @return the claimed id, or null when there is none or it is not safe to store
   */
  public static String of(Object payload) {
    if (!(payload instanceof Map<?, ?> map)
        || !(map.get(PayloadKeys.TRANSACTION_ID) instanceof String id)) {
      return null;
    }
    List<String> problems = new ArrayList<>(1);
    TransactionRules.checkText(PayloadKeys.TRANSACTION_ID, id, problems);
    return problems.isEmpty() && !Echo.mayHoldCardNumber(id) ? id : null;
  }
}
