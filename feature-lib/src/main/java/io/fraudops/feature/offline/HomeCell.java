package io.fraudops.feature.offline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A 0.01° cell of payment locations, the grain at which a customer's most frequent location is
 * taken as their home when they declared none. Rounded exactly as the batch job's SQL, {@code
 * round(latitude::numeric, 2)}: PostgreSQL turns a double into a numeric of 15 significant digits,
 * then rounds half away from zero.
 */
final class HomeCell {

  private static final MathContext FIFTEEN_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
  private static final long LONGITUDE_SPAN = 36_001;

  private HomeCell() {}

  /**
   * Packs the cell so that a smaller key is a lower latitude, then a lower longitude (the SQL tie
   * order).
   */
  static long of(double latitude, double longitude) {
    return (centiDegrees(latitude) + 9_000) * LONGITUDE_SPAN + centiDegrees(longitude) + 18_000;
  }

  static double latitude(long cell) {
    return (Math.floorDiv(cell, LONGITUDE_SPAN) - 9_000) / 100.0;
  }

  static double longitude(long cell) {
    return (Math.floorMod(cell, LONGITUDE_SPAN) - 18_000) / 100.0;
  }

  static long centiDegrees(double degrees) {
    return new BigDecimal(degrees)
        .round(FIFTEEN_DIGITS)
        .setScale(2, RoundingMode.HALF_UP)
        .unscaledValue()
        .longValueExact();
  }
}
