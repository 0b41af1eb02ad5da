package io.fraudops.feature.testsupport;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Counts connections taken from a real DataSource, and can cut it off to simulate an outage. */
public final class SwitchableDataSource implements DataSource {

  private final DataSource delegate;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean down;

  public SwitchableDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  public int connections() {
    return connections.get();
  }

  public void down(boolean value) {
    down = value;
  }

  @Override
  public Connection getConnection() throws SQLException {
    connections.incrementAndGet();
    if (down) {
      throw new SQLTransientConnectionException("Connection refused (simulated outage)", "08001");
    }
    return delegate.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
