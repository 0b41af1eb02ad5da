package io.fraudops.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's processes, as a fault test pauses them: stopped, it does not answer; continued, it
 * does.
 */
class EmbeddedPostgresServerTest {

  @Test
  void pausingEveryProcessStallsTheServerUntilItContinues() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
        Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
      List<ProcessHandle> processes = server.processes();
      assertThat(processes.size())
          .as("the postmaster and its background processes")
          .isGreaterThan(1);
      connection.setNetworkTimeout(Runnable::run, 1_000);

      try {
        signal("STOP", processes);
        assertThatThrownBy(() -> selectOne(connection)).isInstanceOf(SQLException.class);
      } finally {
        signal("CONT", processes);
      }
      try (Connection fresh = DriverManager.getConnection(server.jdbcUrl())) {
        assertThat(selectOne(fresh)).isTrue();
      }
    }
  }

  private static boolean selectOne(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return statement.execute("SELECT 1");
    }
  }

  // kill signals every pid it can; a short-lived worker gone meanwhile only changes its exit code.
  private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    processes.forEach(p -> command.add(Long.toString(p.pid())));
    new ProcessBuilder(command).inheritIO().start().waitFor();
  }
}
