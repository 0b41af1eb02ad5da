package io.fraudops.feature.synthetic;

/**
 * A merchant. Online merchants have a registered country but no location: their payments carry no
 * coordinates.
 *
 * @param city null for an online merchant
 */
public record SyntheticMerchant(
    String merchantId,
    MerchantCategory category,
    String city,
    String country,
    String currency,
    Double latitude,
    Double longitude,
    boolean online) {

  public boolean physical() {
    return !online;
  }
}
