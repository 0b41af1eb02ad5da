package io.fraudops.workers.resilience;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code engine} health component: a topology request to the Zeebe gateway, bounded by {@code
 * fraud.engine.health-timeout}. DOWN when the gateway does not answer in time or knows no broker;
 * readiness follows it (a worker cut off from its engine takes no jobs). Replaces the Camunda
 * starter's {@code camunda} component, whose request has no bound of its own.
 */
@Component("engineHealthIndicator")
class EngineHealth extends AbstractHealthIndicator {

  private final CamundaClient client;
  private final Duration timeout;

  EngineHealth(CamundaClient client, @Value("${fraud.engine.health-timeout:2s}") Duration timeout) {
    super("Zeebe gateway health check failed");
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    try {
      Topology topology =
          client
              .newTopologyRequest()
              .requestTimeout(timeout)
              .send()
              .join(timeout.toMillis(), TimeUnit.MILLISECONDS);
      (topology.getBrokers().isEmpty() ? health.down() : health.up())
          .withDetail("gatewayVersion", String.valueOf(topology.getGatewayVersion()))
          .withDetail("brokers", topology.getBrokers().size())
          .withDetail("partitions", topology.getPartitionsCount());
    } catch (RuntimeException e) {
      health
          .down()
          .withDetail("error", OutageLog.describe(e))
          .withDetail("timeout", timeout.toString());
    }
  }
}
