package io.fraudops.feature.catalogue;

/** Great-circle distance. */
public final class Geo {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  private Geo() {}

  /**
   * Haversine distance in kilometres. StrictMath, not Math: the same inputs must give the same bits
   * on the machine that trains and on the one that serves, or training/serving parity breaks.
   */
  public static double kilometres(double lat1, double lon1, double lat2, double lon2) {
    double dLat = StrictMath.toRadians(lat2 - lat1);
    double dLon = StrictMath.toRadians(lon2 - lon1);
    double a =
        StrictMath.pow(StrictMath.sin(dLat / 2), 2)
            + StrictMath.cos(StrictMath.toRadians(lat1))
                * StrictMath.cos(StrictMath.toRadians(lat2))
                * StrictMath.pow(StrictMath.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * StrictMath.asin(StrictMath.min(1.0, StrictMath.sqrt(a)));
  }
}
