package io.fraudops.workers.screening;

import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.workers.payment.PaymentDigest;

/**
 * The audit key of a rejected payload, which has no trustworthy transaction id: the process
 * instance plus a digest of the payload. A redelivered job gives the same key; a recreated engine
 * that reuses instance keys (the embedded one, a fresh cluster) does not collide with old rows.
 *
 * <p>The digest is keyed (the card key's digest, not a plain SHA-256): a rejected payload may hold
 * a card number in any field, and a plain hash of an otherwise guessable payload would let anyone
 * who reads the audit test the 10^5 numbers behind a mask against it.
 */
final class RejectionKey {

  private RejectionKey() {}

  static String of(long processInstanceKey, Object payload, CardTokenizer keys) {
    return "rejected-"
        + processInstanceKey
        + "-"
        + keys.keyedDigest(PaymentDigest.canonical(payload)).substring(0, 16);
  }
}
