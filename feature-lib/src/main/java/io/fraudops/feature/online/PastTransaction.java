package io.fraudops.feature.online;

/**
 * What the online store remembers of an earlier transaction: just enough for velocity, travel and
 * distinct-count features.
 *
 * @param merchantId null only for histories built by hand without one
 * @param country null only for histories built by hand without one
 */
public record PastTransaction(
    long epochMillis,
    double amount,
    Double latitude,
    Double longitude,
    String merchantId,
    String country) {

  public PastTransaction {
    if (!Double.isFinite(amount) || amount <= 0) {
      throw new IllegalArgumentException("amount must be a positive number (got " + amount + ")");
    }
    if ((latitude == null) != (longitude == null)) {
      throw new IllegalArgumentException(
          "latitude and longitude must both be present or both absent");
    }
  }

  public PastTransaction(long epochMillis, double amount, Double latitude, Double longitude) {
    this(epochMillis, amount, latitude, longitude, null, null);
  }

  public boolean hasLocation() {
    return latitude != null;
  }
}
