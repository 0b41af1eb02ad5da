package io.fraudops.workers.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an in-process Zeebe engine when no Camunda cluster is configured, and points the Camunda
 * client at it.
 *
 * <p>It has to happen before the Camunda client is built, hence an environment post-processor
 * rather than a bean. The engine speaks gRPC only (no REST, no Tasklist), so the client is told to
 * prefer gRPC, workers stream jobs (polling keeps the engine busy), and reviews go through the
 * job-worker inbox (see {@code ReviewMode}). Setting {@code camunda.client.grpc-address} or
 * {@code camunda.client.mode=saas} (or {@code fraud.embedded.zeebe.enabled=false}) turns it off.
 */
public class EmbeddedZeebe implements EnvironmentPostProcessor, Ordered {

  public static final String ENGINE_BEAN = "embeddedZeebeEngine";
  private final Log log;

  public EmbeddedZeebe(DeferredLogFactory logs) {
    this.log = logs.getLog(EmbeddedZeebe.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    if (!wanted(env)) {
      return;
    }
    int configured = Binder.get(env).bind("fraud.embedded.zeebe.port", Integer.class).orElse(26500);
    int port = configured > 0 ? configured : FreePort.find();
    ZeebeTestEngine engine = EngineFactory.create(port);
    engine.start();
    // The engine binds 0.0.0.0; the client connects over loopback.
    String address = "http://localhost:" + port;
    log.info("Started the embedded Zeebe engine (gRPC only) at " + address);

    Map<String, Object> props = new HashMap<>();
    props.put("camunda.client.mode", "self-managed");
    props.put("camunda.client.grpc-address", address);
    props.put("camunda.client.prefer-rest-over-grpc", "false");
    props.put("camunda.client.auth.method", "none");
    // Plaintext gRPC to a loopback engine is expected here; the client would warn on every call.
    props.put("logging.level.io.camunda.client.impl.CamundaCallCredentials", "ERROR");
    props.put("camunda.client.worker.defaults.stream-enabled", "true");
    props.put("fraud.embedded.zeebe.address", address);
    props.putIfAbsent("fraud.review.mode", "job-worker");
    env.getPropertySources().addFirst(new MapPropertySource("embeddedZeebe", props));

    // Registered before any other bean, so destroyed after all of them: the workers' job streams
    // close before the engine goes away.
    app.addInitializers(
        ctx -> {
          var beans = (DefaultListableBeanFactory) ctx.getBeanFactory();
          beans.registerSingleton(ENGINE_BEAN, engine);
          beans.registerDisposableBean(ENGINE_BEAN, engine::stop);
        });
    app.addListeners(
        event -> {
          if (event instanceof ApplicationFailedEvent) {
            engine.stop();
          }
        });
  }

  static boolean wanted(ConfigurableEnvironment env) {
    if (!Binder.get(env).bind("fraud.embedded.zeebe.enabled", Boolean.class).orElse(true)) {
      return false;
    }
    // The binder applies relaxed names, so CAMUNDA_CLIENT_GRPCADDRESS counts as well.
    Binder binder = Binder.get(env);
    boolean clusterConfigured =
        binder.bind("camunda.client.grpc-address", String.class).isBound()
            || "saas".equalsIgnoreCase(binder.bind("camunda.client.mode", String.class).orElse(""))
            || binder.bind("camunda.client.cloud.cluster-id", String.class).isBound();
    return !clusterConfigured;
  }

  @Override
  public int getOrder() {
    // Before Camunda's own post-processor, which applies the mode defaults.
    return Ordered.HIGHEST_PRECEDENCE + 20;
  }
}
