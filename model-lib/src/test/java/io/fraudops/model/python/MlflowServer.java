package io.fraudops.model.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real MLflow tracking server, pip-installed in the {@link PythonEnvironment}, for the registry's
 * tests: {@code mlflow server --backend-store-uri sqlite:///<dir>/mlflow.db --artifacts-destination
 * <dest> --serve-artifacts --host 127.0.0.1 --port <free>}. It runs in its own process group
 * (started through {@code setsid}) because {@code mlflow server} forks gunicorn, whose workers
 * outlive a killed parent: {@link #close()} ends the whole group.
 */
public final class MlflowServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Process process;
  private final URI uri;
  private final Path log;

  private MlflowServer(Process process, URI uri, Path log) {
    this.process = process;
    this.uri = uri;
    this.log = log;
  }

  /** With the artifact proxy, artifacts in {@code dir/artifacts}. */
  public static MlflowServer start(Path dir) {
    return start(dir, dir.resolve("artifacts").toUri().toString(), true, Map.of());
  }

  /**
   * @param artifactsDestination where the proxy keeps artifacts ({@code file:///...}, {@code
   *     s3://bucket/prefix})
   * @param serveArtifacts false starts it with {@code --no-serve-artifacts}: runs then get artifact
   *     URIs on the server's disk, and the proxy endpoints answer 503
   * @param environment e.g. {@code MLFLOW_S3_ENDPOINT_URL} and AWS keys for an S3 destination
   */
  public static MlflowServer start(
      Path dir,
      String artifactsDestination,
      boolean serveArtifacts,
      Map<String, String> environment) {
    PythonEnvironment python = PythonEnvironment.get();
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                "setsid",
                python.script("mlflow").toString(),
                "server",
                "--backend-store-uri",
                "sqlite:///" + dir.resolve("mlflow.db").toAbsolutePath(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--workers",
                "1"));
    if (serveArtifacts) {
      command.addAll(List.of("--serve-artifacts", "--artifacts-destination", artifactsDestination));
    } else {
      command.addAll(
          List.of(
              "--no-serve-artifacts",
              "--default-artifact-root",
              dir.resolve("mlruns").toAbsolutePath().toString()));
    }
    Path log = dir.resolve("mlflow-server.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    MlflowServer server = new MlflowServer(process, URI.create("http://127.0.0.1:" + port), log);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    try {
      server.awaitHealthy();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public URI uri() {
    return uri;
  }

  private void awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "mlflow server exited " + process.exitValue() + ":\n" + output());
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(uri.resolve("/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for mlflow server", e);
      }
      sleep(250);
    }
    throw new IllegalStateException(
        "mlflow server not healthy within " + START_TIMEOUT + ":\n" + output());
  }

  private String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Ends the process group (mlflow, gunicorn and its workers): TERM, then KILL after 10 s. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    signalGroup("TERM");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      sleep(100);
    }
    if (tree.stream().anyMatch(ProcessHandle::isAlive)) {
      signalGroup("KILL");
      tree.forEach(ProcessHandle::destroyForcibly); // in case one left the group
    }
  }

  private void signalGroup(String signal) {
    if (!process.isAlive() && process.descendants().findAny().isEmpty()) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid())
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
