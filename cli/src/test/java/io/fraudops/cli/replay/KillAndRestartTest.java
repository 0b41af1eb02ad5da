package io.fraudops.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.local.FreePort;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main command killed with {@code kill -9} halfway and started again: every payment the first
 * run accepted ends decided exactly once or waiting for an analyst. The first run's engine (in
 * memory) dies with it; the ledger in PostgreSQL survives, and the second run's recovery starts the
 * lost payments again and re-opens the lost reviews.
 */
class KillAndRestartTest {

  private static final Duration RUN_LIMIT = Duration.ofMinutes(8);

  @TempDir Path dir;

  @Test
  void aKilledReplayLosesNoPaymentAfterARestart() throws Exception {
    Path data = dir.resolve("pg");
    int postgresPort = FreePort.find();
    Path firstLog = dir.resolve("first.log");
    Process first = replay(data, postgresPort, 400, firstLog);
    List<ProcessHandle> firstChildren = new ArrayList<>();
    try {
      long settled = waitUntilSettled(first, postgresPort, 100);
      assertThat(settled).as("payments settled before the kill").isGreaterThanOrEqualTo(100);
      first.descendants().forEach(firstChildren::add);
      // kill -9: no shutdown hook runs, the engine's state is gone.
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } finally {
      first.destroyForcibly();
      // The embedded Redis outlives a killed JVM; PostgreSQL too, and the next start takes it over.
      firstChildren.stream()
          .filter(p -> p.info().command().orElse("").contains("redis"))
          .forEach(ProcessHandle::destroyForcibly);
    }
    long openAfterKill =
        count(
            postgresPort, "SELECT count(*) FROM payment WHERE status IN ('RECEIVED', 'SCREENING')");

    Path secondLog = dir.resolve("second.log");
    Process second = replay(data, postgresPort, 50, secondLog);
    assertThat(second.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS))
        .as("second run finished")
        .isTrue();
    String output = Files.readString(secondLog);
    assertThat(second.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("earlier runs:")
        .contains("0 payments still outside this engine, 0 undecided");

    try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, postgresPort)) {
      assertThat(
              count(
                  postgresPort,
                  "SELECT count(*) FROM payment WHERE status IN ('RECEIVED', 'SCREENING')"))
          .as(
              "payments neither decided nor waiting for review (%d were open after the kill)",
              openAfterKill)
          .isZero();
      assertThat(
              count(
                  postgresPort,
                  """
              SELECT count(*) FROM payment p WHERE p.status IN ('DECIDED', 'REVIEWED')
                AND (SELECT count(*) FROM decision_audit a WHERE a.transaction_id = p.transaction_id) <> 1"""))
          .as("decided payments without exactly one audit row")
          .isZero();
      assertThat(
              count(
                  postgresPort,
                  """
              SELECT count(*) FROM payment p WHERE p.status = 'REVIEW_PENDING'
                AND EXISTS (SELECT 1 FROM decision_audit a WHERE a.transaction_id = p.transaction_id)"""))
          .as("payments waiting for review that also have a decision")
          .isZero();
      assertThat(
              count(
                  postgresPort,
                  """
              SELECT count(*) FROM (SELECT transaction_id FROM card_transaction GROUP BY 1 HAVING count(*) > 1) d"""))
          .as("payments recorded twice offline")
          .isZero();
      assertThat(count(postgresPort, "SELECT count(*) FROM payment WHERE attempts > 0"))
          .as("payments the recovery started again or re-opened")
          .isPositive();
    }
  }

  private Process replay(Path data, int postgresPort, int transactions, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.fraudops.cli.FraudCli");
    command.add("replay");
    command.add("--fraud.replay.transactions=" + transactions);
    command.add("--fraud.replay.warmup=500");
    command.add("--fraud.replay.timeout=4m");
    command.add("--fraud.embedded.postgres.data-dir=" + data);
    command.add("--fraud.embedded.postgres.port=" + postgresPort);
    command.add("--fraud.embedded.zeebe.port=0");
    command.add("--fraud.embedded.s3.port=0");
    command.add("--fraud.ledger.start-after=2s");
    command.add("--fraud.ledger.recovery-interval=1s");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /**
   * Waits until the ledger holds {@code atLeast} settled payments (decided or waiting for review).
   */
  private static long waitUntilSettled(Process run, int port, long atLeast)
      throws InterruptedException {
    long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
    long settled = 0;
    while (System.nanoTime() < deadline && run.isAlive()) {
      try {
        settled =
            count(
                port,
                "SELECT count(*) FROM payment WHERE status IN ('DECIDED', 'REVIEWED', 'REVIEW_PENDING')");
        if (settled >= atLeast) {
          return settled;
        }
      } catch (SQLException notYet) {
        // PostgreSQL not up or the schema not migrated yet
      }
      Thread.sleep(200);
    }
    return settled;
  }

  private static long count(int port, String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
