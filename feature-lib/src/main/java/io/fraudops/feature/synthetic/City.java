package io.fraudops.feature.synthetic;

import io.fraudops.feature.catalogue.Geo;
import java.time.ZoneId;
import java.util.List;

/**
 * A real city customers and merchants are placed around. Currencies are of similar magnitude on
 * purpose.
 */
record City(
    String name,
    double latitude,
    double longitude,
    String country,
    String currency,
    ZoneId zone,
    double weight) {

  static final List<City> ALL =
      List.of(
          new City("New York", 40.7128, -74.0060, "US", "USD", ZoneId.of("America/New_York"), 8),
          new City("Chicago", 41.8781, -87.6298, "US", "USD", ZoneId.of("America/Chicago"), 4),
          new City(
              "Los Angeles", 34.0522, -118.2437, "US", "USD", ZoneId.of("America/Los_Angeles"), 5),
          new City("Toronto", 43.6532, -79.3832, "CA", "CAD", ZoneId.of("America/Toronto"), 3),
          new City("London", 51.5074, -0.1278, "GB", "GBP", ZoneId.of("Europe/London"), 7),
          new City("Dublin", 53.3498, -6.2603, "IE", "EUR", ZoneId.of("Europe/Dublin"), 1),
          new City("Paris", 48.8566, 2.3522, "FR", "EUR", ZoneId.of("Europe/Paris"), 5),
          new City("Amsterdam", 52.3676, 4.9041, "NL", "EUR", ZoneId.of("Europe/Amsterdam"), 2),
          new City("Berlin", 52.5200, 13.4050, "DE", "EUR", ZoneId.of("Europe/Berlin"), 4),
          new City("Madrid", 40.4168, -3.7038, "ES", "EUR", ZoneId.of("Europe/Madrid"), 3),
          new City("Sydney", -33.8688, 151.2093, "AU", "AUD", ZoneId.of("Australia/Sydney"), 3),
          new City("Singapore", 1.3521, 103.8198, "SG", "SGD", ZoneId.of("Asia/Singapore"), 2));

  double distanceKm(double lat, double lon) {
    return Geo.kilometres(latitude, longitude, lat, lon);
  }
}
