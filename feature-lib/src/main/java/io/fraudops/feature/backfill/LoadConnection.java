package io.fraudops.feature.backfill;

import io.fraudops.feature.FeatureStoreUnavailableException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * One connection held for a whole load, with a temporary staging table that each batch is copied
 * into ({@code COPY}, the fastest way in) before set-based statements move it on, one database
 * transaction per batch.
 */
final class LoadConnection implements AutoCloseable {

  final Connection connection;
  private final String stage;

  /**
   * @param createStage the {@code CREATE TEMP TABLE ... ON COMMIT DELETE ROWS} of the staging table
   */
  LoadConnection(DataSource dataSource, String stage, String createStage) {
    Connection opened = null;
    try {
      opened = dataSource.getConnection();
      try (Statement statement = opened.createStatement()) {
        // A re-run recovers anything a crash loses, so the load need not wait for each commit's
        // flush.
        statement.execute("SET synchronous_commit = off");
        statement.execute(createStage);
      }
      opened.setAutoCommit(false);
    } catch (SQLException e) {
      closeQuietly(opened);
      throw unavailable("prepare the load", e);
    }
    this.connection = opened;
    this.stage = stage;
  }

  /** Copies CSV lines (COPY's CSV: an empty unquoted field is NULL) into the staging table. */
  void copy(CharSequence csv) throws SQLException, IOException {
    connection
        .unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn("COPY " + stage + " FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
  }

  void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The first failure is the one reported.
    }
  }

  static FeatureStoreUnavailableException unavailable(String action, Exception e) {
    String state =
        e instanceof SQLException sql && sql.getSQLState() != null
            ? " [SQLState " + sql.getSQLState() + "]"
            : "";
    return new FeatureStoreUnavailableException(
        "PostgreSQL could not " + action + state + ": " + e.getMessage(), e);
  }

  /** Appends a text field; ids are never empty, so a quoted "" cannot be confused with NULL. */
  static void text(StringBuilder csv, String value) {
    if (value != null) {
      csv.append(CsvLine.quote(value));
    }
    csv.append(',');
  }

  static void number(StringBuilder csv, Double value) {
    if (value != null) {
      csv.append(value.doubleValue());
    }
    csv.append(',');
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Already failing.
      }
    }
  }

  @Override
  public void close() {
    try {
      connection.rollback();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + stage);
      }
    } catch (SQLException ignored) {
      // The pool resets or discards the connection anyway.
    } finally {
      closeQuietly(connection);
    }
  }
}
