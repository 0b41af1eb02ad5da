package io.fraudops.feature.synthetic;

import java.util.Random;

/** Legitimate travel, so that far-away payments and new countries are not fraud by themselves. */
final class Trips {

  private static final double TRIP_START_CHANCE = 0.004;
  private static final double CRUISING_KMH = 800;
  private static final long HOUR = 3_600_000L;

  private Trips() {}

  // A trip only starts if a flight could have got the customer there since their last located
  // payment,
  // so legitimate travel never looks impossible.
  static void maybeStart(SyntheticCustomer c, CustomerState state, long t, Random random) {
    if (random.nextDouble() >= TRIP_START_CHANCE) {
      return;
    }
    City destination = City.ALL.get(random.nextInt(City.ALL.size()));
    if (destination.name().equals(c.homeCity())) {
      return;
    }
    double fromLat = state.lastLatitude != null ? state.lastLatitude : c.homeLatitude();
    double fromLon = state.lastLongitude != null ? state.lastLongitude : c.homeLongitude();
    long flight =
        (long) (destination.distanceKm(fromLat, fromLon) / CRUISING_KMH * HOUR) + 2 * HOUR;
    if (state.lastMillis != Long.MIN_VALUE && t - state.lastMillis < flight) {
      return;
    }
    state.trip = destination;
    state.tripEndMillis = t + (2 + random.nextInt(5)) * 24 * HOUR;
  }
}
