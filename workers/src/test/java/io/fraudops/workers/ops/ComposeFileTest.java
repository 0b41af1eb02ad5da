package io.fraudops.workers.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yaml} comes up in order and stays up: a service starts only once what it
 * needs can serve (a healthcheck passed, or a one-shot job finished successfully), and every
 * long-running service is restarted after a crash. No Docker engine runs where this project is
 * built, so the rules are checked on the file itself: compose's default, {@code service_started},
 * let the workers deploy to an engine still booting, fail and stay down.
 */
class ComposeFileTest {

  private static final Path COMPOSE = Path.of("..", "docker-compose.yaml");

  /** Restart policies of services meant to run until stopped. */
  private static final Set<String> LONG_RUNNING = Set.of("always", "unless-stopped");

  @Test
  void everyServiceWaitsUntilWhatItNeedsIsReadyAndLongRunningServicesRestart() throws IOException {
    Map<String, Map<String, Object>> services = services(Files.readString(COMPOSE));

    // Guards against a vacuous pass: the file has the stack and its dependencies.
    assertThat(services)
        .containsKeys("orchestration", "workers", "mlflow", "minio", "postgres", "redis");
    assertThat(dependencies(services.get("workers")))
        .containsKeys("orchestration", "postgres", "redis", "mlflow");
    assertThat(problems(services)).isEmpty();
  }

  @Test
  void reportsAWaitOnAServiceWithoutHealthcheck() {
    String compose =
        """
        services:
          orchestration:
            image: camunda/camunda:8.8.3
            restart: unless-stopped
          workers:
            build: ./workers
            depends_on:
              orchestration:
                condition: service_healthy
            restart: unless-stopped
        """;

    assertThat(problems(services(compose)))
        .containsExactly(
            "workers waits for orchestration to be healthy, but orchestration has no healthcheck");
  }

  @Test
  void reportsADependencyThatOnlyWaitsForTheContainerToStart() {
    String compose =
        """
        services:
          minio:
            image: minio/minio:RELEASE.2025-04-22T22-12-26Z
            restart: unless-stopped
            healthcheck:
              test: [ "CMD", "mc", "ready", "local" ]
              start_period: 10s
          mlflow:
            build: ./ops/mlflow
            depends_on:
              - minio
            restart: unless-stopped
          workers:
            build: ./workers
            depends_on:
              minio:
                condition: service_started
            restart: unless-stopped
        """;

    assertThat(problems(services(compose)))
        .containsExactlyInAnyOrder(
            "mlflow depends on minio without a condition, which only waits for its container to start:"
                + " use service_healthy (or service_completed_successfully for a one-shot job)",
            "workers depends on minio with service_started, which only waits for its container to start:"
                + " use service_healthy (or service_completed_successfully for a one-shot job)");
  }

  @Test
  void reportsServicesWithoutRestartPolicy() {
    String compose =
        """
        services:
          redis:
            image: redis:7.4
          seed:
            image: minio/mc:RELEASE.2025-04-08T15-39-49Z
            restart: "no"
          workers:
            build: ./workers
            depends_on:
              seed:
                condition: service_completed_successfully
            restart: on-failure
        """;

    assertThat(problems(services(compose)))
        .containsExactlyInAnyOrder(
            "redis has no restart policy: use unless-stopped (or on-failure for a one-shot job)",
            "seed has no restart policy: use unless-stopped (or on-failure for a one-shot job)",
            "workers waits for seed to complete, but seed is not a one-shot job (restart: on-failure)");
  }

  @Test
  void reportsALongRunningServiceThatRestartsOnlyOnFailure() {
    String compose =
        """
        services:
          redis:
            image: redis:7.4
            restart: on-failure
            healthcheck:
              test: [ "CMD", "redis-cli", "ping" ]
        """;

    assertThat(problems(services(compose)))
        .containsExactly(
            "redis runs until stopped (it has a healthcheck) but restarts only on failure: use unless-stopped");
  }

  @Test
  void reportsAHealthcheckWithoutStartPeriodOnAServiceSomethingWaitsFor() {
    String compose =
        """
        services:
          postgres:
            image: postgres:17
            restart: unless-stopped
            healthcheck:
              test: [ "CMD-SHELL", "pg_isready -U fraud -d fraud" ]
          workers:
            build: ./workers
            depends_on:
              postgres:
                condition: service_healthy
            restart: unless-stopped
        """;

    assertThat(problems(services(compose)))
        .containsExactly(
            "postgres is waited for but its healthcheck has no start_period: a slow first start counts as failures");
  }

  /**
   * Everything wrong with the services' start order and restart policies; empty when nothing is.
   */
  static List<String> problems(Map<String, Map<String, Object>> services) {
    List<String> problems = new ArrayList<>();
    services.forEach(
        (name, service) -> {
          String restart = restartPolicy(service);
          if (restart == null) {
            problems.add(
                name
                    + " has no restart policy: use unless-stopped (or on-failure for a one-shot job)");
          } else if (!isLongRunning(service) && !isOneShot(service)) {
            problems.add(
                name
                    + " has restart '"
                    + restart
                    + "': use unless-stopped (or on-failure for a one-shot job)");
          } else if (isOneShot(service) && hasHealthcheck(service)) {
            // Only a service that keeps running has something to check; on-failure would leave it
            // down after a
            // clean exit or a Docker restart.
            problems.add(
                name
                    + " runs until stopped (it has a healthcheck) but restarts only on failure:"
                    + " use unless-stopped");
          }
          dependencies(service)
              .forEach(
                  (dependency, condition) -> {
                    Map<String, Object> target = services.get(dependency);
                    if (target == null) {
                      problems.add(
                          name
                              + " depends on "
                              + dependency
                              + ", which is not a service of this file");
                      return;
                    }
                    switch (condition) {
                      case "service_healthy" -> {
                        if (!hasHealthcheck(target)) {
                          problems.add(
                              name
                                  + " waits for "
                                  + dependency
                                  + " to be healthy, but "
                                  + dependency
                                  + " has no healthcheck");
                        }
                      }
                      case "service_completed_successfully" -> {
                        if (!isOneShot(target)) {
                          problems.add(
                              name
                                  + " waits for "
                                  + dependency
                                  + " to complete, but "
                                  + dependency
                                  + " is not a one-shot job (restart: on-failure)");
                        }
                      }
                      default ->
                          problems.add(
                              name
                                  + " depends on "
                                  + dependency
                                  + (condition.isEmpty()
                                      ? " without a condition"
                                      : " with " + condition)
                                  + ", which only waits for its container to start:"
                                  + " use service_healthy (or service_completed_successfully for a one-shot job)");
                    }
                  });
        });
    services.forEach(
        (name, service) -> {
          boolean waitedFor =
              services.values().stream()
                  .anyMatch(other -> "service_healthy".equals(dependencies(other).get(name)));
          if (waitedFor
              && hasHealthcheck(service)
              && !healthcheck(service).containsKey("start_period")) {
            problems.add(
                name
                    + " is waited for but its healthcheck has no start_period:"
                    + " a slow first start counts as failures");
          }
        });
    return problems;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> services(String compose) {
    Map<String, Object> root = new Yaml().load(compose);
    return (Map<String, Map<String, Object>>) root.get("services");
  }

  /**
   * Dependency name to its condition; the short list form ({@code depends_on: [minio]}) has none,
   * which compose treats as {@code service_started}.
   */
  @SuppressWarnings("unchecked")
  static Map<String, String> dependencies(Map<String, Object> service) {
    Map<String, String> out = new LinkedHashMap<>();
    Object dependsOn = service.get("depends_on");
    if (dependsOn instanceof List<?> names) {
      names.forEach(n -> out.put(String.valueOf(n), ""));
    } else if (dependsOn instanceof Map<?, ?> entries) {
      ((Map<String, Object>) entries)
          .forEach(
              (n, spec) ->
                  out.put(
                      n,
                      spec instanceof Map<?, ?> m && m.get("condition") != null
                          ? String.valueOf(m.get("condition"))
                          : ""));
    }
    return out;
  }

  /** null for none: YAML 1.1 reads an unquoted {@code restart: no} as false. */
  static String restartPolicy(Map<String, Object> service) {
    Object restart = service.get("restart");
    if (restart == null || Boolean.FALSE.equals(restart) || "no".equals(restart)) {
      return null;
    }
    return String.valueOf(restart);
  }

  /**
   * A job that exits when done: restarted only when it failed, {@code on-failure} or {@code
   * on-failure:N}.
   */
  static boolean isOneShot(Map<String, Object> service) {
    String restart = restartPolicy(service);
    return restart != null && (restart.equals("on-failure") || restart.startsWith("on-failure:"));
  }

  static boolean isLongRunning(Map<String, Object> service) {
    String restart = restartPolicy(service);
    return restart != null && LONG_RUNNING.contains(restart);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> healthcheck(Map<String, Object> service) {
    return service.get("healthcheck") instanceof Map<?, ?> h ? (Map<String, Object>) h : Map.of();
  }

  /** A healthcheck that runs: a test, not disabled, not {@code NONE}. */
  static boolean hasHealthcheck(Map<String, Object> service) {
    Map<String, Object> healthcheck = healthcheck(service);
    Object test = healthcheck.get("test");
    boolean none =
        test == null
            || "NONE".equals(test)
            || (test instanceof List<?> l && !l.isEmpty() && "NONE".equals(l.get(0)));
    return !none && !Boolean.TRUE.equals(healthcheck.get("disable"));
  }
}
