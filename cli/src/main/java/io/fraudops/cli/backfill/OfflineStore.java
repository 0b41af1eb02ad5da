package io.fraudops.cli.backfill;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The offline store the history commands work on: {@code --jdbc-url} (with {@code --jdbc-user},
 * {@code --jdbc-password}), or the embedded PostgreSQL the application uses by default
 * ({@code .data/postgres}, port 54329), in which case the application must be stopped.
 */
final class OfflineStore {

  private OfflineStore() {}

  /** Opens the data source; what must be closed afterwards is appended to {@code resources}. */
  static HikariDataSource open(CommandLine line, String command, List<AutoCloseable> resources) throws Exception {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(command);
    // A load and a history cursor may each hold a connection.
    hikari.setMaximumPoolSize(4);
    if (line.has("jdbc-url")) {
      hikari.setJdbcUrl(line.get("jdbc-url", null));
      hikari.setUsername(line.get("jdbc-user", null));
      hikari.setPassword(line.get("jdbc-password", null));
      System.out.println("[" + command + "] PostgreSQL at " + line.get("jdbc-url", null));
    } else {
      Path dataDir = Path.of(line.get("postgres-data-dir", ".data/postgres"));
      EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, line.integer("postgres-port", 54329));
      resources.add(postgres);
      hikari.setJdbcUrl(postgres.jdbcUrl());
      hikari.setUsername(postgres.user());
      System.out.printf(
          "[%s] embedded PostgreSQL on port %d, data in %s%n", command, postgres.port(), dataDir.toAbsolutePath());
    }
    HikariDataSource dataSource = new HikariDataSource(hikari);
    resources.add(dataSource);
    return dataSource;
  }
}
