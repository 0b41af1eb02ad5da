package io.fraudops.cli.backtest;

import io.fraudops.feature.connection.Credentials;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the recorded decisions are: {@code --jdbc-url}, else the local application's PostgreSQL on
 * {@code --postgres-port} if it answers (./fraud serve is running), else the embedded PostgreSQL started on
 * its data directory ({@code .data/postgres}) for the time of the backtest.
 */
final class HistoryDatabase {

  private HistoryDatabase() {}

  /** Opens a connection; what must be closed afterwards is appended to {@code resources}. */
  static Connection open(
      String jdbcUrl, String user, String password, Path dataDir, int port, PrintWriter out, List<AutoCloseable> resources)
      throws SQLException {
    if (jdbcUrl != null) {
      out.println("[backtest] PostgreSQL at " + Credentials.redact(jdbcUrl));
      return keep(DriverManager.getConnection(jdbcUrl, user, password), resources);
    }
    String local = "jdbc:postgresql://localhost:" + port + "/postgres";
    try {
      Connection running = DriverManager.getConnection(local, EmbeddedPostgresServer.USER, null);
      out.println("[backtest] the running application's PostgreSQL on port " + port);
      return keep(running, resources);
    } catch (SQLException nobodyThere) {
      EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, port);
      resources.add(postgres);
      out.printf("[backtest] embedded PostgreSQL on port %d, data in %s%n", postgres.port(), dataDir.toAbsolutePath());
      return keep(DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), null), resources);
    }
  }

  private static Connection keep(Connection connection, List<AutoCloseable> resources) throws SQLException {
    connection.setReadOnly(true);
    resources.add(connection);
    return connection;
  }
}
