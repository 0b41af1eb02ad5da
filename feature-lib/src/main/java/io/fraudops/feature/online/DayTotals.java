package io.fraudops.feature.online;

import java.time.Duration;

/**
 * A customer's payments of one UTC day, summed: what the 30-day z-score and usual-hour features
 * need, in a few numbers per day instead of every payment. Both stores add contributions in the
 * order payments are recorded, with the same double arithmetic, so their sums are bit-identical.
 *
 * @param sumOfCos sum of cos(2π·time of day / 24 h): with {@code sumOfSin}, the circular mean hour
 */
public record DayTotals(
    long count, double sum, double sumOfSquares, double sumOfCos, double sumOfSin) {

  public static final DayTotals NONE = new DayTotals(0, 0, 0, 0, 0);
  static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  public DayTotals {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative (got " + count + ")");
    }
  }

  /** One payment's contribution. StrictMath, so training and serving machines agree to the bit. */
  public static DayTotals of(double amount, long epochMillis) {
    double angle = hourAngle(epochMillis);
    return new DayTotals(1, amount, amount * amount, StrictMath.cos(angle), StrictMath.sin(angle));
  }

  /** The time of day in UTC as an angle: midnight 0, noon π. */
  public static double hourAngle(long epochMillis) {
    return 2 * Math.PI * Math.floorMod(epochMillis, DAY_MILLIS) / DAY_MILLIS;
  }

  public static long epochDay(long epochMillis) {
    return Math.floorDiv(epochMillis, DAY_MILLIS);
  }

  public DayTotals plus(DayTotals other) {
    return new DayTotals(
        count + other.count,
        sum + other.sum,
        sumOfSquares + other.sumOfSquares,
        sumOfCos + other.sumOfCos,
        sumOfSin + other.sumOfSin);
  }
}
