package io.fraudops.workers.resilience;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small pool of its own for the reads screening makes (customer profiles) and for the probe: each
 * connection it hands out gives up on the network after a short timeout, so a stalled PostgreSQL
 * makes a read fail in a fraction of a second instead of holding the payment, and the audit's and
 * ledger's longer writes on the main pool never take these connections. Not a Spring {@code
 * DataSource} bean, so Spring Boot's own data source stays the application's one.
 */
public final class FeatureReadPool implements AutoCloseable {

  private static final Executor SAME_THREAD = Runnable::run;

  private final HikariDataSource pool;
  private final DataSource reads;

  /** Copies the connection settings of the application's pool {@code main}. */
  public FeatureReadPool(HikariDataSource main, PostgresTimeouts timeouts) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("fraud-feature-reads");
    config.setJdbcUrl(main.getJdbcUrl());
    config.setUsername(main.getUsername());
    config.setPassword(main.getPassword());
    Properties properties = new Properties();
    properties.putAll(main.getDataSourceProperties());
    // A backstop in whole seconds (the driver's unit); the per-connection network timeout below is
    // the bound.
    properties.setProperty(
        "socketTimeout", Long.toString(ceilSeconds(timeouts.featureReadTimeout())));
    properties.setProperty("connectTimeout", "2");
    config.setDataSourceProperties(properties);
    config.setMaximumPoolSize(timeouts.featureReadPoolSize());
    config.setMinimumIdle(1);
    // Hikari's floor is 250 ms: a payment waits at most that for a connection the stall has not
    // freed.
    config.setConnectionTimeout(Math.max(250, timeouts.featureReadTimeout().toMillis()));
    config.setValidationTimeout(250);
    // The database may be down when the workers start: they start anyway and degrade.
    config.setInitializationFailTimeout(-1);
    config.setReadOnly(true);
    this.pool = new HikariDataSource(config);
    this.reads = new Bounded(pool, Math.toIntExact(timeouts.featureReadTimeout().toMillis()));
  }

  /** Connections whose statements give up after the feature-read timeout. */
  public DataSource reads() {
    return reads;
  }

  /** Connections whose statements give up after {@code timeout}. */
  DataSource within(Duration timeout) {
    return new Bounded(pool, Math.toIntExact(timeout.toMillis()));
  }

  @Override
  public void close() {
    pool.close();
  }

  private static long ceilSeconds(Duration timeout) {
    return Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  /** Sets the network timeout of each connection it hands out; the pool resets it on return. */
  private record Bounded(HikariDataSource pool, int timeoutMillis) implements DataSource {

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = pool.getConnection();
      try {
        connection.setNetworkTimeout(SAME_THREAD, timeoutMillis);
        return connection;
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("the feature-read pool has its own credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return pool.isWrapperFor(iface);
    }
  }
}
