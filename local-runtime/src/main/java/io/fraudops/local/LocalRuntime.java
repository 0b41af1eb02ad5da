package io.fraudops.local;

import io.fraudops.local.postgres.EmbeddedPostgresServer;
import io.fraudops.local.redis.EmbeddedRedis;
import io.fraudops.local.s3.EmbeddedS3;
import io.fraudops.local.zeebe.EmbeddedEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a stand-in for every endpoint the application is not given, and points the application at
 * it through the same properties a real endpoint would use:
 *
 * <ul>
 *   <li>no {@code camunda.client.grpc-address} (nor SaaS): an in-process Zeebe engine;
 *   <li>no {@code spring.datasource.url}: PostgreSQL from the bundled binaries, data kept in {@code
 *       fraud.embedded.postgres.data-dir};
 *   <li>no {@code fraud.redis.url}: a Redis 7 server, restarted (empty) on the same port when it
 *       dies;
 *   <li>registry on, no {@code fraud.model.registry.endpoint} nor MLflow URL: an in-memory S3 with
 *       a versioned bucket, which the application seeds with its bundled model;
 *   <li>an HTTP server, no {@code fraud.security.users} nor JWT issuer: three users (payment
 *       system, analyst, risk owner) with passwords generated once and kept in {@code .data/}
 *       ({@link LocalCredentials});
 *   <li>no {@code fraud.card.fingerprint-key}: a key generated once into {@code
 *       .data/card-fingerprint.key} ({@link LocalCardKey}).
 * </ul>
 *
 * <p>The production application never has this class on its classpath, so there a missing endpoint
 * is a failed start, not a silent stand-in. It runs as an environment post-processor because the
 * Camunda client and the data source are built from properties before any bean. Stand-ins are
 * registered as the context's first singletons, so they stop after every bean that uses them.
 */
public class LocalRuntime implements EnvironmentPostProcessor, Ordered {

  /** Local credentials of the in-process S3: it checks request signatures against them. */
  public static final String LOCAL_S3_ACCESS_KEY = "fraud-local";

  public static final String LOCAL_S3_SECRET_KEY = "fraud-local-secret";

  /**
   * The port the in-process S3 tries first, so a tool can reach a running application's registry.
   */
  public static final int LOCAL_S3_PORT = 9190;

  /**
   * Where the embedded PostgreSQL keeps its data, and its port, unless configured (the tools share
   * them).
   */
  public static final String LOCAL_POSTGRES_DATA_DIR = ".data/postgres";

  public static final int LOCAL_POSTGRES_PORT = 54329;

  /** The embedded engine's gRPC port unless configured. */
  public static final int LOCAL_ZEEBE_PORT = 26500;

  private static final Path DEFAULT_DATA_DIR = Path.of(LOCAL_POSTGRES_DATA_DIR);

  private final Log log;

  public LocalRuntime(DeferredLogFactory logs) {
    this.log = logs.getLog(LocalRuntime.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    Binder binder = Binder.get(env);
    Map<String, Object> props = new HashMap<>();
    List<Map.Entry<String, AutoCloseable>> started = new ArrayList<>();
    if (wantsLocalUsers(binder, app)) {
      addLocalUsers(binder, props);
    }
    try {
      if (wantsEngine(binder)) {
        EmbeddedEngine engine =
            EmbeddedEngine.start(
                binder.bind("fraud.embedded.zeebe.port", Integer.class).orElse(LOCAL_ZEEBE_PORT),
                // Tests that search the engine's records turn this on; a local run keeps nothing
                // processed.
                binder.bind(EmbeddedEngine.CAPTURE_RECORDS_PROPERTY, Boolean.class).orElse(false));
        started.add(Map.entry("embeddedZeebeEngine", engine));
        log.info("Started the embedded Zeebe engine (gRPC only) at " + engine.grpcAddress());
        props.put("camunda.client.mode", "self-managed");
        props.put("camunda.client.grpc-address", engine.grpcAddress());
        props.put("camunda.client.prefer-rest-over-grpc", "false");
        props.put("camunda.client.auth.method", "none");
        // Plaintext gRPC to a loopback engine is expected here; the client would warn on every
        // call.
        props.put("logging.level.io.camunda.client.impl.CamundaCallCredentials", "ERROR");
        props.put("camunda.client.worker.defaults.stream-enabled", "true");
        // This engine keeps nothing across a restart: a new epoch tells the payment ledger that
        // instances
        // started before it are gone, so their payments are started again and their reviews
        // re-opened.
        props.put("fraud.ledger.engine-epoch", "embedded-" + java.util.UUID.randomUUID());
        // The engine has no Tasklist: reviews go through the job-worker inbox.
        if (!binder.bind("fraud.review.mode", String.class).isBound()) {
          props.put("fraud.review.mode", "job-worker");
        }
      }
      if (isBlank(binder, "spring.datasource.url")) {
        Path dataDir =
            binder.bind("fraud.embedded.postgres.data-dir", Path.class).orElse(DEFAULT_DATA_DIR);
        int port =
            binder.bind("fraud.embedded.postgres.port", Integer.class).orElse(LOCAL_POSTGRES_PORT);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, port);
        started.add(Map.entry("embeddedPostgres", postgres));
        log.info(
            "Started embedded PostgreSQL on port "
                + postgres.port()
                + " with data in "
                + dataDir.toAbsolutePath());
        props.put("spring.datasource.url", postgres.jdbcUrl());
        props.put("spring.datasource.username", postgres.user());
      }
      if (isBlank(binder, "fraud.redis.url")) {
        EmbeddedRedis redis =
            EmbeddedRedis.start(
                binder.bind("fraud.embedded.redis.port", Integer.class).orElse(0),
                binder.bind("fraud.embedded.redis.supervise", Boolean.class).orElse(true));
        started.add(Map.entry("embeddedRedis", redis));
        log.info("Started embedded Redis at " + redis.url());
        props.put("fraud.redis.url", redis.url());
      }
      if (wantsS3(binder)) {
        String accessKey =
            binder
                .bind("fraud.model.registry.access-key", String.class)
                .orElse(LOCAL_S3_ACCESS_KEY);
        String secretKey =
            binder
                .bind("fraud.model.registry.secret-key", String.class)
                .orElse(LOCAL_S3_SECRET_KEY);
        String bucket = binder.bind("fraud.model.registry.bucket", String.class).orElse("models");
        int port = binder.bind("fraud.embedded.s3.port", Integer.class).orElse(LOCAL_S3_PORT);
        EmbeddedS3 s3 = startS3(accessKey, secretKey, port);
        started.add(Map.entry("embeddedS3", s3));
        s3.createVersionedBucket(bucket);
        log.info(
            "Started embedded S3 model registry at " + s3.endpoint() + " (bucket " + bucket + ")");
        props.put("fraud.model.registry.endpoint", s3.endpoint());
        props.put("fraud.model.registry.access-key", accessKey);
        props.put("fraud.model.registry.secret-key", secretKey);
        // An empty in-memory registry gets the bundled model as version 1, so there is a champion
        // to follow.
        props.put("fraud.model.registry.seed-if-empty", "true");
      }
      if (isBlank(binder, "fraud.card.fingerprint-key")) {
        Path keyFile =
            binder
                .bind("fraud.embedded.card.key-file", Path.class)
                .orElse(LocalCardKey.DEFAULT_FILE);
        props.put("fraud.card.fingerprint-key", LocalCardKey.loadOrCreate(keyFile));
        log.info(
            "Card fingerprint key from "
                + keyFile.toAbsolutePath()
                + " (generated at the first start; keep it)");
      }
    } catch (RuntimeException e) {
      stopAll(started);
      throw e;
    }
    if (!props.isEmpty()) {
      env.getPropertySources().addFirst(new MapPropertySource("localRuntime", props));
    }
    if (started.isEmpty()) {
      return;
    }
    app.addInitializers(
        ctx -> {
          var beans = (DefaultListableBeanFactory) ctx.getBeanFactory();
          for (var entry : started) {
            beans.registerSingleton(entry.getKey(), entry.getValue());
            beans.registerDisposableBean(entry.getKey(), () -> close(entry.getValue()));
          }
        });
    app.addListeners(
        event -> {
          if (event instanceof ApplicationFailedEvent) {
            stopAll(started);
          }
        });
  }

  private void addLocalUsers(Binder binder, Map<String, Object> props) {
    Path file =
        binder
            .bind("fraud.embedded.credentials-file", Path.class)
            .orElseGet(
                () ->
                    credentialsBeside(
                        binder
                            .bind("fraud.embedded.postgres.data-dir", Path.class)
                            .orElse(DEFAULT_DATA_DIR)));
    LocalCredentials credentials = LocalCredentials.loadOrCreate(file);
    props.putAll(credentials.properties());
    if (credentials.created()) {
      // The console, not the log: the passwords are shown to whoever started the run, once, and
      // never shipped.
      System.out.print(credentials.banner(binder.bind("server.port", Integer.class).orElse(8080)));
    }
    log.info("HTTP API users " + credentials.users() + ": passwords in " + file.toAbsolutePath());
  }

  /**
   * {@code .data/postgres} keeps the data, so {@code .data/local-credentials.properties} keeps the
   * users.
   */
  static Path credentialsBeside(Path postgresDataDir) {
    Path parent = postgresDataDir.getParent();
    return (parent == null ? Path.of(".") : parent).resolve("local-credentials.properties");
  }

  /**
   * Users are generated only for a run that serves HTTP (not the replay, which works in-process)
   * and only when no way to authenticate is configured: configured users or a JWT issuer replace
   * them.
   */
  static boolean wantsLocalUsers(Binder binder, SpringApplication app) {
    if (app.getWebApplicationType() != WebApplicationType.SERVLET) {
      return false;
    }
    boolean configured =
        binder.bind("fraud.security.users[0].name", String.class).isBound()
            || binder
                .bind("spring.security.oauth2.resourceserver.jwt.issuer-uri", String.class)
                .isBound()
            || binder
                .bind("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", String.class)
                .isBound()
            || binder
                .bind("spring.security.oauth2.resourceserver.jwt.public-key-location", String.class)
                .isBound();
    return !configured;
  }

  private EmbeddedS3 startS3(String accessKey, String secretKey, int port) {
    try {
      return EmbeddedS3.start(accessKey, secretKey, port);
    } catch (IllegalStateException e) {
      if (port == 0) {
        throw e;
      }
      // Another local run holds the port: this one still gets a registry; a tool then needs its
      // endpoint.
      log.warn(
          "Embedded S3 cannot listen on port "
              + port
              + " ("
              + e.getMessage()
              + "); using a free port");
      return EmbeddedS3.start(accessKey, secretKey, 0);
    }
  }

  static boolean wantsEngine(Binder binder) {
    if (!binder.bind("fraud.embedded.zeebe.enabled", Boolean.class).orElse(true)) {
      return false;
    }
    // The binder applies relaxed names, so CAMUNDA_CLIENT_GRPCADDRESS counts as well.
    boolean clusterConfigured =
        binder.bind("camunda.client.grpc-address", String.class).isBound()
            || "saas".equalsIgnoreCase(binder.bind("camunda.client.mode", String.class).orElse(""))
            || binder.bind("camunda.client.cloud.cluster-id", String.class).isBound();
    return !clusterConfigured;
  }

  static boolean wantsS3(Binder binder) {
    return binder.bind("fraud.model.registry.enabled", Boolean.class).orElse(false)
        && isBlank(binder, "fraud.model.registry.endpoint")
        && isBlank(binder, "fraud.model.registry.mlflow-url");
  }

  private static boolean isBlank(Binder binder, String name) {
    return binder.bind(name, String.class).map(String::isBlank).orElse(true);
  }

  private void stopAll(List<Map.Entry<String, AutoCloseable>> started) {
    for (int i = started.size() - 1; i >= 0; i--) {
      close(started.get(i).getValue());
    }
  }

  private void close(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.warn("Stopping " + closeable.getClass().getSimpleName() + " failed: " + e);
    }
  }

  @Override
  public int getOrder() {
    // After the config files are read, before Camunda's own post-processor applies the mode
    // defaults.
    return Ordered.HIGHEST_PRECEDENCE + 20;
  }
}
