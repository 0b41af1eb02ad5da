package io.fraudops.feature.backfill;

import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.offline.CustomerProfile;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Recomputes every customer profile from the ledger, over the customer's whole history minus the
 * payments labelled fraud by any source (those are someone else's behaviour):
 *
 * <ul>
 *   <li>usual amount: the median amount. The median, not the mean, so a few large purchases (or
 *       undetected fraud) do not move the yardstick of {@code amount_to_avg_ratio}.
 *   <li>home: the latest home the customer declared ({@code customer_home}, from the file's home
 *       columns); without one, the most frequent location of the customer's located (card-present)
 *       payments, rounded to 0.01° (about 1.1 km north-south, less east-west), ties to the lowest
 *       latitude then longitude; none when the customer has neither.
 *   <li>time zone: kept as the existing profile has it (the ledger does not know it); none for a
 *       new customer, which the features read as UTC.
 * </ul>
 *
 * Customers with no non-fraud payment keep whatever profile they had. The result is a snapshot of
 * today's knowledge, as the serving profiles are; {@link
 * io.fraudops.feature.offline.RunningProfiles} computes the same definition as of each payment for
 * training exports (a test keeps the two equal).
 */
final class ProfileRebuild {

  static final String QUERY =
      """
            WITH own AS (
              SELECT t.customer_id, t.amount, t.latitude, t.longitude FROM card_transaction t
              WHERE NOT EXISTS (SELECT 1 FROM transaction_label l WHERE l.transaction_id = t.transaction_id AND l.fraud)
            ), usual AS (
              SELECT customer_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS usual_amount
              FROM own GROUP BY customer_id
            ), cells AS (
              SELECT customer_id, round(latitude::numeric, 2) AS lat, round(longitude::numeric, 2) AS lon,
                     count(*) AS payments
              FROM own WHERE latitude IS NOT NULL GROUP BY 1, 2, 3
            ), home AS (
              SELECT DISTINCT ON (customer_id) customer_id, lat, lon FROM cells
              ORDER BY customer_id, payments DESC, lat, lon
            ), declared AS (
              SELECT DISTINCT ON (customer_id) customer_id, home_latitude, home_longitude FROM customer_home
              ORDER BY customer_id, declared_at DESC
            )
            SELECT u.customer_id, u.usual_amount,
                   CASE WHEN d.customer_id IS NULL THEN h.lat::float8 ELSE d.home_latitude END AS lat,
                   CASE WHEN d.customer_id IS NULL THEN h.lon::float8 ELSE d.home_longitude END AS lon,
                   p.time_zone
            FROM usual u
            LEFT JOIN home h ON h.customer_id = u.customer_id
            LEFT JOIN declared d ON d.customer_id = u.customer_id
            LEFT JOIN customer_profile p ON p.customer_id = u.customer_id
            ORDER BY u.customer_id""";

  private final DataSource dataSource;
  private final PostgresCustomerProfiles profiles;

  ProfileRebuild(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.profiles = new PostgresCustomerProfiles(dataSource);
  }

  /**
   * @return the number of profiles written
   */
  int run() {
    List<CustomerProfile> rebuilt = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(QUERY);
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        rebuilt.add(
            new CustomerProfile(
                row.getString("customer_id"),
                row.getObject("lat", Double.class),
                row.getObject("lon", Double.class),
                row.getDouble("usual_amount"),
                zone(row.getString("time_zone"))));
      }
    } catch (SQLException e) {
      throw new FeatureStoreUnavailableException(
          "PostgreSQL could not compute the customer profiles: " + e.getMessage(), e);
    }
    profiles.upsertAll(rebuilt);
    return rebuilt.size();
  }

  // A zone this JVM does not know is served as UTC already (PostgresCustomerProfiles), so it is
  // dropped.
  private static ZoneId zone(String id) {
    if (id == null) {
      return null;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
