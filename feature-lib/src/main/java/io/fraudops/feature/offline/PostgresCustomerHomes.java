package io.fraudops.feature.offline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** The {@code customer_home} table: homes customers declared, one row per change. Thread-safe. */
public final class PostgresCustomerHomes {

  private static final String SELECT =
      """
            SELECT customer_id, declared_at, home_latitude, home_longitude FROM customer_home""";

  private final DataSource dataSource;

  public PostgresCustomerHomes(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Every declaration, in memory: one small row per customer and change of home. */
  public DeclaredHomes all() {
    List<DeclaredHomes.Home> homes = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setFetchSize(10_000);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          homes.add(
              new DeclaredHomes.Home(
                  row.getString(1),
                  row.getObject(2, OffsetDateTime.class).toInstant(),
                  row.getDouble(3),
                  row.getDouble(4)));
        }
      }
    } catch (SQLException e) {
      throw Jdbc.unavailable("read the declared homes", e);
    }
    return DeclaredHomes.of(homes);
  }
}
