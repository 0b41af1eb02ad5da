package io.fraudops.cli.serve;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Runs the screening application from {@code ./fraud}: the local runtime (on the classpath) starts
 * a stand-in for every endpoint not configured. A failure is reported once, by the command line
 * (its reason; the stack trace with {@code --verbose}), not also by Spring's own "Application run
 * failed" log.
 */
public final class LocalApplication {

  private LocalApplication() {}

  /** Until the application is stopped (Ctrl-C): {@code serve}, and {@code replay} then serving. */
  public static int runUntilStopped(SpringApplication app, String[] args, boolean verbose)
      throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    app.addListeners(
        event -> {
          if (event instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    quietFailureLog(app, verbose);
    app.run(args);
    closed.await();
    return 0;
  }

  /** Until its runners are done, then closes it: the application's exit code. */
  public static int runToEnd(SpringApplication app, String[] args, boolean verbose) {
    return runToEnd(app, args, verbose, Map.of());
  }

  /**
   * As {@link #runToEnd(SpringApplication, String[], boolean)}, with default properties that
   * anything configured overrides.
   */
  public static int runToEnd(
      SpringApplication app, String[] args, boolean verbose, Map<String, Object> defaults) {
    Map<String, Object> properties = new HashMap<>(defaults);
    quietFailureLog(properties, verbose);
    app.setDefaultProperties(properties);
    ConfigurableApplicationContext context = app.run(args);
    return SpringApplication.exit(context);
  }

  private static void quietFailureLog(SpringApplication app, boolean verbose) {
    Map<String, Object> properties = new HashMap<>();
    quietFailureLog(properties, verbose);
    app.setDefaultProperties(properties);
  }

  // A default property: the user's own logging configuration still wins.
  private static void quietFailureLog(Map<String, Object> properties, boolean verbose) {
    if (!verbose) {
      properties.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
    }
  }
}
