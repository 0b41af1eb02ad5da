package io.fraudops.cli.stores;

import io.fraudops.local.LocalRuntime;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the embedded PostgreSQL keeps its data and listens, when no {@code --spring.datasource.url}
 * is given: the application's, so a tool works on the data {@code ./fraud serve} and {@code ./fraud
 * replay} use (stop them first: one server per data directory).
 */
public final class EmbeddedPostgresOptions {

  @Option(
      names = "--fraud.embedded.postgres.data-dir",
      paramLabel = "<dir>",
      defaultValue = LocalRuntime.LOCAL_POSTGRES_DATA_DIR,
      description = "Data directory of the embedded PostgreSQL (without --spring.datasource.url).")
  Path dataDir;

  @Option(
      names = "--fraud.embedded.postgres.port",
      paramLabel = "<port>",
      defaultValue = "" + LocalRuntime.LOCAL_POSTGRES_PORT,
      description = "Port of the embedded PostgreSQL.")
  int port;

  public Path dataDir() {
    return dataDir;
  }

  public int port() {
    return port;
  }
}
