package io.fraudops.feature.offline;

import io.fraudops.feature.FeatureStoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Turns JDBC failures into the store-level exception callers degrade on. */
final class Jdbc {

  private Jdbc() {}

  static FeatureStoreUnavailableException unavailable(String action, SQLException e) {
    String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
    return new FeatureStoreUnavailableException(
        "PostgreSQL could not " + action + state + ": " + e.getMessage(), e);
  }

  /**
   * Rows written by a batch of single-row inserts. A driver that rewrites batches reports {@link
   * Statement#SUCCESS_NO_INFO}; those count as written, so the figure is then an upper bound.
   */
  static int inserted(int[] updateCounts) {
    int inserted = 0;
    for (int count : updateCounts) {
      if (count > 0 || count == Statement.SUCCESS_NO_INFO) {
        inserted++;
      }
    }
    return inserted;
  }

  /** Binds one item to an insert's parameters. */
  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement insert, T item) throws SQLException;
  }

  /**
   * Inserts many items in batches of {@code batchSize} on one connection.
   *
   * @return how many rows were new (see {@link #inserted})
   */
  static <T> int insertAll(
      DataSource dataSource,
      String sql,
      Iterable<T> items,
      int batchSize,
      Binder<T> binder,
      String action) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      int inserted = 0;
      int pending = 0;
      for (T item : items) {
        binder.bind(insert, item);
        insert.addBatch();
        if (++pending == batchSize) {
          inserted += inserted(insert.executeBatch());
          pending = 0;
        }
      }
      if (pending > 0) {
        inserted += inserted(insert.executeBatch());
      }
      return inserted;
    } catch (SQLException e) {
      throw unavailable(action, e);
    }
  }
}
