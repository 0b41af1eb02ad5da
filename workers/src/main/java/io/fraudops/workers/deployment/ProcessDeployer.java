package io.fraudops.workers.deployment;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.fraudops.workers.review.ReviewMode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Deploys the process, the decision table and the form in one deployment when the application
 * starts, so the three always match. Turn it off ({@code fraud.deployment.enabled=false}) where
 * models are deployed from Modeler or a pipeline instead.
 */
@Component
@ConditionalOnProperty(name = "fraud.deployment.enabled", havingValue = "true", matchIfMissing = true)
public class ProcessDeployer {

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

  private final DeploymentEvent deployment;

  public ProcessDeployer(CamundaClient client, ReviewMode reviewMode) {
    List<ProcessResources.DeployableResource> resources =
        ProcessResources.load(reviewMode == ReviewMode.JOB_WORKER);
    DeployResourceCommandStep2 command = null;
    for (var resource : resources) {
      command =
          command == null
              ? client.newDeployResourceCommand().addResourceBytes(resource.content(), resource.name())
              : command.addResourceBytes(resource.content(), resource.name());
    }
    this.deployment = command.send().join();
    log.info(
        "Deployed {} (processes {}, decisions {}, forms {})",
        resources.stream().map(ProcessResources.DeployableResource::name).toList(),
        deployment.getProcesses().size(),
        deployment.getDecisions().size(),
        deployment.getForm().size());
  }

  public DeploymentEvent deployment() {
    return deployment;
  }
}
