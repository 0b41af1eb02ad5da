package io.fraudops.feature.catalogue;

/** NUMERIC features are any real number; FLAG features are 0 or 1. */
public enum FeatureType {
  NUMERIC,
  FLAG
}
