package io.fraudops.feature.catalogue;

/** Whose behaviour a feature describes: the key its history is kept under. */
public enum FeatureEntity {
  /** The payment itself; no history. */
  TRANSACTION,
  CUSTOMER,
  MERCHANT,
  /** The merchant category code. */
  CATEGORY,
  DEVICE
}
