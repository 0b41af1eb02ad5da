package io.fraudops.model.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Python the tests run real CatBoost and MLflow with: a virtual environment built once from
 * {@code data-science/requirements.txt} (every version pinned) in {@code
 * ~/.cache/fraud-screening/venv-<first 16 hex of its SHA-256>}, so {@code ./fraud test} on a fresh
 * machine with a JDK, Python 3 (with its {@code venv} module) and network needs nothing else, and a
 * changed requirements file gets a fresh environment. Tests that need it fail, never skip, when it
 * cannot be built: CI must run them.
 *
 * <p>{@code FRAUD_PYTHON} names the interpreter to build from (default {@code python3} on the
 * PATH); {@code FRAUD_PYTHON_CACHE} the cache folder. Concurrent builds (two test JVMs, two
 * checkouts) are serialised by a file lock; a half-built environment is never used, because it is
 * built beside its final name and moved there when pip has finished.
 */
public final class PythonEnvironment {

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(20);
  private static volatile PythonEnvironment shared;

  private final Path home;
  private final Path repositoryRoot;

  private PythonEnvironment(Path home, Path repositoryRoot) {
    this.home = home;
    this.repositoryRoot = repositoryRoot;
  }

  /** The environment for this checkout's requirements, built on first use. */
  public static PythonEnvironment get() {
    PythonEnvironment env = shared;
    if (env == null) {
      synchronized (PythonEnvironment.class) {
        env = shared;
        if (env == null) {
          env = build();
          shared = env;
        }
      }
    }
    return env;
  }

  public Path python() {
    return home.resolve("bin/python");
  }

  /** A console script installed in the environment, e.g. {@code mlflow}. */
  public Path script(String name) {
    return home.resolve("bin").resolve(name);
  }

  /** The checkout's {@code data-science} folder. */
  public Path dataScience() {
    return repositoryRoot.resolve("data-science");
  }

  /**
   * Runs {@code python <args>} and returns its standard output.
   *
   * @throws IllegalStateException with the output when it exits non-zero or outlasts {@code
   *     timeout}
   */
  public String run(Duration timeout, Path workingDir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(python().toString());
    command.addAll(List.of(args));
    return exec(command, workingDir, env, timeout);
  }

  public String run(Duration timeout, String... args) {
    return run(timeout, repositoryRoot, Map.of(), args);
  }

  private static PythonEnvironment build() {
    Path root = repositoryRoot();
    Path requirements = root.resolve("data-science/requirements.txt");
    Path cache =
        Path.of(
            System.getenv()
                .getOrDefault(
                    "FRAUD_PYTHON_CACHE",
                    System.getProperty("user.home") + "/.cache/fraud-screening"));
    Path home = cache.resolve("venv-" + sha256(requirements).substring(0, 16));
    if (Files.isExecutable(home.resolve("bin/python"))) {
      return new PythonEnvironment(home, root);
    }
    try {
      Files.createDirectories(cache);
      try (FileChannel channel =
              FileChannel.open(
                  cache.resolve(home.getFileName() + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (!Files.isExecutable(home.resolve("bin/python"))) {
          create(home, requirements);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the Python environment in " + home, e);
    }
    return new PythonEnvironment(home, root);
  }

  private static void create(Path home, Path requirements) throws IOException {
    String interpreter = System.getenv().getOrDefault("FRAUD_PYTHON", "python3");
    Path building = home.resolveSibling(home.getFileName() + ".building");
    deleteTree(building);
    System.err.println(
        "[python] building " + home + " from " + requirements + " (once; a few minutes)");
    try {
      exec(
          List.of(interpreter, "-m", "venv", building.toString()),
          home.getParent(),
          Map.of(),
          Duration.ofMinutes(2));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "These tests need Python 3 with its venv module (Debian/Ubuntu: "
              + "apt-get install python3 python3-venv), found as '"
              + interpreter
              + "' (set FRAUD_PYTHON to use another): "
              + e.getMessage(),
          e);
    }
    // Built under a temporary name, so the pip in it must be run as python -m pip, not by its
    // script.
    exec(
        List.of(
            building.resolve("bin/python").toString(),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--no-input",
            "-q",
            "-r",
            requirements.toString()),
        home.getParent(),
        Map.of(),
        INSTALL_TIMEOUT);
    // Scripts like bin/mlflow carry the build folder's path in their shebang: rewrite it to the
    // final one.
    try (Stream<Path> scripts = Files.list(building.resolve("bin"))) {
      for (Path script : scripts.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(script);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.startsWith("#!") && text.contains(building.toString())) {
          Files.writeString(
              script,
              text.replace(building.toString(), home.toString()),
              StandardCharsets.ISO_8859_1);
        }
      }
    }
    Files.move(building, home, StandardCopyOption.ATOMIC_MOVE);
    System.err.println("[python] ready: " + home);
  }

  private static String exec(
      List<String> command, Path dir, Map<String, String> env, Duration timeout) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run " + command.getFirst() + ": " + e.getMessage(), e);
    }
    try {
      // Read while it runs: a full pipe would block the child.
      var output = process.inputReader(StandardCharsets.UTF_8);
      StringBuilder out = new StringBuilder();
      Thread reader =
          Thread.ofVirtual().start(() -> output.lines().forEach(l -> out.append(l).append('\n')));
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish within " + timeout + ":\n" + out);
      }
      reader.join();
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + process.exitValue() + ":\n" + out);
      }
      return out.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }

  /** The checkout root: the nearest folder up from the working directory holding data-science/. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("data-science/requirements.txt"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no data-science/requirements.txt above " + Path.of("").toAbsolutePath());
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
