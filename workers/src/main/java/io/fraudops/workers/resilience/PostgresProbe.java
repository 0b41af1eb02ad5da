package io.fraudops.workers.resilience;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Looks at PostgreSQL every {@link PostgresTimeouts#probeInterval()} ({@code SELECT 1} on the
 * feature-read pool, bounded by the probe timeout). A stall (a paused server, a full network
 * buffer) shows up here within a second or two, where payments would only see it by timing out one
 * after another: after {@link PostgresTimeouts#probeFailuresToOpen()} failed looks in a row it
 * opens the {@code postgres} breaker, and at the first look that succeeds after failed ones it
 * closes the breaker (however it opened: the probe saw the outage end). A breaker opened by failing
 * calls while every look succeeded (a broken table, not a database away) is left to its own
 * half-open trials. The last look is what the {@code postgres} health component shows, so a health
 * request never waits on the database.
 */
public final class PostgresProbe implements AutoCloseable {

  /** The last look at the database. */
  public record Look(boolean ok, Instant at, String error, int failuresInARow) {}

  private final DataSource probe;
  private final DependencyBreakers breakers;
  private final PostgresTimeouts timeouts;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("postgres-probe").factory());
  private volatile Look last = new Look(false, null, "not checked yet", 0);

  PostgresProbe(FeatureReadPool pool, DependencyBreakers breakers, PostgresTimeouts timeouts) {
    this.probe = pool.within(timeouts.probeTimeout());
    this.breakers = breakers;
    this.timeouts = timeouts;
  }

  void start() {
    executor.scheduleWithFixedDelay(
        this::lookSafely, 0, timeouts.probeInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  public Look last() {
    return last;
  }

  private void lookSafely() {
    try {
      look();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again.
      last = new Look(false, Instant.now(), OutageLog.describe(e), last.failuresInARow() + 1);
    }
  }

  /** One look; runs on the probe's thread only. */
  void look() {
    try (Connection connection = probe.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
      boolean recovered = last.failuresInARow() > 0;
      last = new Look(true, Instant.now(), null, 0);
      if (recovered) {
        breakers.probeSucceeded(Dependency.POSTGRES);
      }
    } catch (SQLException e) {
      int failures = last.failuresInARow() + 1;
      last = new Look(false, Instant.now(), OutageLog.describe(e), failures);
      if (failures >= timeouts.probeFailuresToOpen()) {
        breakers.probeFailed(Dependency.POSTGRES, e);
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
