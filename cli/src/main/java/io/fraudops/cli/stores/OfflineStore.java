package io.fraudops.cli.stores;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.feature.connection.Credentials;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import java.io.PrintWriter;
import java.util.List;

/**
 * The offline store the history commands work on: {@code --spring.datasource.url}, or the embedded
 * PostgreSQL the application uses by default ({@code --fraud.embedded.postgres.data-dir} and {@code
 * .port}), in which case the application must be stopped.
 */
public final class OfflineStore {

  private OfflineStore() {}

  /** Opens the data source; what must be closed afterwards is appended to {@code resources}. */
  public static HikariDataSource open(
      DataSourceOptions given,
      EmbeddedPostgresOptions embedded,
      String command,
      PrintWriter out,
      List<AutoCloseable> resources) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(command);
    // A load and a history cursor may each hold a connection.
    hikari.setMaximumPoolSize(4);
    if (given.url() != null) {
      hikari.setJdbcUrl(given.url());
      hikari.setUsername(given.username());
      hikari.setPassword(given.password());
      out.println("[" + command + "] PostgreSQL at " + Credentials.redact(given.url()));
    } else {
      EmbeddedPostgresServer postgres =
          EmbeddedPostgresServer.start(embedded.dataDir(), embedded.port());
      resources.add(postgres);
      hikari.setJdbcUrl(postgres.jdbcUrl());
      hikari.setUsername(postgres.user());
      out.printf(
          "[%s] embedded PostgreSQL on port %d, data in %s%n",
          command, postgres.port(), embedded.dataDir().toAbsolutePath());
    }
    HikariDataSource dataSource = new HikariDataSource(hikari);
    resources.add(dataSource);
    return dataSource;
  }
}
