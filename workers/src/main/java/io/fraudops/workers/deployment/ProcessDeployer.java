package io.fraudops.workers.deployment;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.fraudops.workers.review.ReviewMode;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deploys the process, the decision table and the form in one deployment when the application
 * starts, so the three always match. A gateway that is still starting or slow to answer is retried
 * with a growing pause, each failure logged, for at most {@code fraud.deployment.max-wait}; then the
 * start fails. Turn it off ({@code fraud.deployment.enabled=false}) where models are deployed from
 * Modeler or a pipeline instead.
 */
@Component
@ConditionalOnProperty(name = "fraud.deployment.enabled", havingValue = "true", matchIfMissing = true)
public class ProcessDeployer {

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final DeploymentEvent deployment;

  public ProcessDeployer(
      CamundaClient client,
      ReviewMode reviewMode,
      @Value("${fraud.deployment.max-wait:3m}") Duration maxWait) {
    List<ProcessResources.DeployableResource> resources =
        ProcessResources.load(reviewMode == ReviewMode.JOB_WORKER);
    this.deployment = deployWithRetries(client, resources, maxWait);
    log.info(
        "Deployed {} (processes {}, decisions {}, forms {})",
        resources.stream().map(ProcessResources.DeployableResource::name).toList(),
        deployment.getProcesses().size(),
        deployment.getDecisions().size(),
        deployment.getForm().size());
  }

  private static DeploymentEvent deployWithRetries(
      CamundaClient client, List<ProcessResources.DeployableResource> resources, Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    Duration pause = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      try {
        return command(client, resources).requestTimeout(REQUEST_TIMEOUT).send().join();
      } catch (RuntimeException e) {
        if (System.nanoTime() + pause.toNanos() > deadline) {
          throw new IllegalStateException(
              "Could not deploy the process models within " + maxWait + " (" + attempt + " attempts): "
                  + e.getMessage() + ". Is the Zeebe gateway at camunda.client.grpc-address reachable?",
              e);
        }
        log.warn("Deploying the process models failed (attempt {}): {}; retrying in {}", attempt, e.getMessage(), pause);
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while deploying the process models", interrupted);
        }
        pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : pause.multipliedBy(2);
      }
    }
  }

  private static DeployResourceCommandStep2 command(
      CamundaClient client, List<ProcessResources.DeployableResource> resources) {
    DeployResourceCommandStep2 command = null;
    for (var resource : resources) {
      command =
          command == null
              ? client.newDeployResourceCommand().addResourceBytes(resource.content(), resource.name())
              : command.addResourceBytes(resource.content(), resource.name());
    }
    return command;
  }

  public DeploymentEvent deployment() {
    return deployment;
  }
}
