package io.fraudops.feature.offline;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What we know of a customer beyond their recent transactions, refreshed in batch.
 *
 * @param homeLatitude null together with homeLongitude when the home is unknown
 * @param usualAmount a typical transaction amount, the yardstick for {@code amount_to_avg_ratio}
 * @param timeZone null when unknown; features then fall back to UTC
 */
public record CustomerProfile(
    String customerId,
    Double homeLatitude,
    Double homeLongitude,
    double usualAmount,
    ZoneId timeZone) {

  public CustomerProfile {
    if (customerId == null || customerId.isBlank()) {
      throw new IllegalArgumentException("customerId is required");
    }
    if ((homeLatitude == null) != (homeLongitude == null)) {
      throw new IllegalArgumentException(
          "home latitude and longitude must both be present or both absent");
    }
    if (homeLatitude != null && (Math.abs(homeLatitude) > 90 || Math.abs(homeLongitude) > 180)) {
      throw new IllegalArgumentException(
          "home location out of range (" + homeLatitude + ", " + homeLongitude + ")");
    }
    if (!Double.isFinite(usualAmount) || usualAmount <= 0) {
      throw new IllegalArgumentException(
          "usualAmount must be a positive number (got " + usualAmount + ")");
    }
  }

  public boolean hasHome() {
    return homeLatitude != null;
  }

  public ZoneId zoneOrUtc() {
    return timeZone == null ? ZoneOffset.UTC : timeZone;
  }
}
