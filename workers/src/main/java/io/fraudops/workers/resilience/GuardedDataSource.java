package io.fraudops.workers.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source behind the {@code postgres} circuit breaker: while it is open a
 * connection is refused at once (SQLState 08001) instead of after the pool's connection timeout, so
 * a job thread never waits on a database known to be out. A connection that cannot be had counts as
 * a failure; statements themselves are bounded by the driver's socket timeout, and a stall in the
 * middle of one is caught by {@link PostgresProbe}.
 */
final class GuardedDataSource extends DelegatingDataSource {

  private final Supplier<DependencyBreakers> breakers;
  private volatile CircuitBreaker breaker;

  GuardedDataSource(DataSource target, Supplier<DependencyBreakers> breakers) {
    super(target);
    this.breakers = breakers;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return guarded(() -> super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return guarded(() -> super.getConnection(username, password));
  }

  @FunctionalInterface
  private interface Source {
    Connection get() throws SQLException;
  }

  private Connection guarded(Source source) throws SQLException {
    CircuitBreaker b = breaker();
    if (!b.tryAcquirePermission()) {
      throw new SQLTransientConnectionException(
          breakers.get().refusal(Dependency.POSTGRES), "08001");
    }
    long start = System.nanoTime();
    try {
      Connection connection = source.get();
      b.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return connection;
    } catch (SQLException | RuntimeException e) {
      b.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      throw e;
    }
  }

  // Resolved on first use: the data source is built before the breakers' registry and meters are.
  private CircuitBreaker breaker() {
    CircuitBreaker b = breaker;
    if (b == null) {
      b = breakers.get().breaker(Dependency.POSTGRES);
      breaker = b;
    }
    return b;
  }
}
