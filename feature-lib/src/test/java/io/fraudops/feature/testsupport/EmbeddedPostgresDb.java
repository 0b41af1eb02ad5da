package io.fraudops.feature.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import javax.sql.DataSource;

/** A real PostgreSQL on a free loopback port, with a small Hikari pool in front like production. */
public final class EmbeddedPostgresDb implements AutoCloseable {

  private final EmbeddedPostgresServer postgres;
  private final HikariDataSource pool;

  private EmbeddedPostgresDb(EmbeddedPostgresServer postgres, HikariDataSource pool) {
    this.postgres = postgres;
    this.pool = pool;
  }

  public static EmbeddedPostgresDb start() {
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.jdbcUrl());
    config.setUsername(postgres.user());
    config.setMaximumPoolSize(4);
    config.setConnectionTimeout(2_000);
    return new EmbeddedPostgresDb(postgres, new HikariDataSource(config));
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
    postgres.close();
  }
}
