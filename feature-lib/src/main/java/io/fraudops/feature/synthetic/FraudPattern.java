package io.fraudops.feature.synthetic;

/** Why a generated transaction looks the way it does. */
public enum FraudPattern {
  /** Normal behaviour. */
  NONE,
  /** A burst of small online payments within minutes, checking a stolen card works. */
  CARD_TESTING,
  /** At night in the customer's zone: large amounts at new electronics or jewelry merchants. */
  ACCOUNT_TAKEOVER,
  /** A card-present payment far away, shortly after one near the customer. */
  IMPOSSIBLE_TRAVEL,
  /** A category the customer never used, for a larger amount. */
  UNUSUAL_CATEGORY,
  /** A malformed payload the parser must reject; not fraud, just broken. */
  INVALID;

  public boolean isFraud() {
    return this != NONE && this != INVALID;
  }
}
