package io.fraudops.cli.backtest;

import io.fraudops.cli.stores.DataSourceOptions;
import io.fraudops.cli.stores.EmbeddedPostgresOptions;
import io.fraudops.feature.connection.Credentials;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the recorded decisions are: {@code --spring.datasource.url}, else the local application's
 * PostgreSQL on {@code --fraud.embedded.postgres.port} if it answers ({@code ./fraud serve} is
 * running: a backtest only reads), else the embedded PostgreSQL started on its data directory for
 * the time of the backtest.
 */
final class HistoryDatabase {

  private HistoryDatabase() {}

  /**
   * Opens a read-only connection; what must be closed afterwards is appended to {@code resources}.
   */
  static Connection open(
      DataSourceOptions given,
      EmbeddedPostgresOptions embedded,
      PrintWriter out,
      List<AutoCloseable> resources)
      throws SQLException {
    if (given.url() != null) {
      out.println("[backtest] PostgreSQL at " + Credentials.redact(given.url()));
      return keep(
          DriverManager.getConnection(given.url(), given.username(), given.password()), resources);
    }
    String local = "jdbc:postgresql://localhost:" + embedded.port() + "/postgres";
    try {
      Connection running = DriverManager.getConnection(local, EmbeddedPostgresServer.USER, null);
      out.println("[backtest] the running application's PostgreSQL on port " + embedded.port());
      return keep(running, resources);
    } catch (SQLException nobodyThere) {
      EmbeddedPostgresServer postgres =
          EmbeddedPostgresServer.start(embedded.dataDir(), embedded.port());
      resources.add(postgres);
      out.printf(
          "[backtest] embedded PostgreSQL on port %d, data in %s%n",
          postgres.port(), embedded.dataDir().toAbsolutePath());
      return keep(
          DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), null), resources);
    }
  }

  private static Connection keep(Connection connection, List<AutoCloseable> resources)
      throws SQLException {
    connection.setReadOnly(true);
    resources.add(connection);
    return connection;
  }
}
