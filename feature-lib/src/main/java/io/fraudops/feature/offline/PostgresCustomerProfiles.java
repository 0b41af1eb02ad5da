package io.fraudops.feature.offline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Customer profiles in the {@code customer_profile} table. Thread-safe. */
public final class PostgresCustomerProfiles implements CustomerProfiles {

  private static final Logger log = LoggerFactory.getLogger(PostgresCustomerProfiles.class);
  private static final int BATCH_SIZE = 1_000;

  private static final String FIND =
      """
            SELECT home_latitude, home_longitude, usual_amount, time_zone
            FROM customer_profile WHERE customer_id = ?""";
  private static final String UPSERT =
      """
            INSERT INTO customer_profile (customer_id, home_latitude, home_longitude, usual_amount, time_zone)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (customer_id) DO UPDATE SET
              home_latitude = EXCLUDED.home_latitude, home_longitude = EXCLUDED.home_longitude,
              usual_amount = EXCLUDED.usual_amount, time_zone = EXCLUDED.time_zone, updated_at = now()""";

  private static final String ZONES =
      """
            SELECT customer_id, time_zone FROM customer_profile WHERE time_zone IS NOT NULL""";

  private final DataSource dataSource;

  public PostgresCustomerProfiles(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public Optional<CustomerProfile> find(String customerId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FIND)) {
      select.setString(1, customerId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new CustomerProfile(
                customerId,
                row.getObject("home_latitude", Double.class),
                row.getObject("home_longitude", Double.class),
                row.getDouble("usual_amount"),
                zone(customerId, row.getString("time_zone"))));
      }
    } catch (SQLException e) {
      throw Jdbc.unavailable("read the profile of a customer", e);
    }
  }

  /**
   * Every customer's time zone where one is known (unknown zones left out, read as UTC), in one
   * query: for replays that need the zone of every customer, not a query each.
   */
  public Map<String, ZoneId> timeZones() {
    Map<String, ZoneId> zones = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(ZONES)) {
      select.setFetchSize(10_000);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          ZoneId zone = zone(row.getString(1), row.getString(2));
          if (zone != null) {
            zones.put(row.getString(1), zone);
          }
        }
      }
    } catch (SQLException e) {
      throw Jdbc.unavailable("read the customers' time zones", e);
    }
    return zones;
  }

  /** Inserts or replaces the given profiles, in batches, in one database transaction. */
  public void upsertAll(Collection<CustomerProfile> profiles) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
        int pending = 0;
        for (CustomerProfile profile : profiles) {
          bind(upsert, profile);
          upsert.addBatch();
          if (++pending == BATCH_SIZE) {
            upsert.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          upsert.executeBatch();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw Jdbc.unavailable("upsert customer profiles", e);
    }
  }

  private static void bind(PreparedStatement upsert, CustomerProfile profile) throws SQLException {
    upsert.setString(1, profile.customerId());
    upsert.setObject(2, profile.homeLatitude(), Types.DOUBLE);
    upsert.setObject(3, profile.homeLongitude(), Types.DOUBLE);
    upsert.setDouble(4, profile.usualAmount());
    upsert.setString(5, profile.timeZone() == null ? null : profile.timeZone().getId());
  }

  // One bad row must not stop screening: an unknown zone falls back to UTC, loudly.
  private static ZoneId zone(String customerId, String id) {
    if (id == null) {
      return null;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      log.warn("Customer {} has an unknown time zone '{}'; using UTC", customerId, id);
      return null;
    }
  }
}
