package io.fraudops.workers.deployment;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DeploymentEvent;
import io.fraudops.workers.review.ReviewMode;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Deploys the process, the form and, as {@code fraud.deployment.decision-policy} allows, the
 * decision table when the application starts. The process binds the table by version tag, so the
 * table that decides is the latest deployed one with the process's tag; by default ({@link
 * DecisionPolicy#KEEP_DEPLOYED}) the repository's table is deployed only when its tag is not in the
 * engine yet, so a table a risk owner deployed from Modeler survives every restart of the workers.
 *
 * <p>Whatever goes to the engine goes in one deployment (Zeebe then versions the files together). A
 * gateway that is still starting or slow to answer is retried with a growing pause, each failure
 * logged, for at most {@code fraud.deployment.max-wait}; then the start fails. Turn it all off
 * ({@code fraud.deployment.enabled=false}) where models are deployed from Modeler or a pipeline
 * instead.
 */
@Component
@ConditionalOnProperty(
    name = "fraud.deployment.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class ProcessDeployer {

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final DeploymentEvent deployment;
  private final boolean decisionDeployed;

  public ProcessDeployer(
      CamundaClient client,
      ReviewMode reviewMode,
      DeploymentProperties properties,
      DecisionDeployments deployed) {
    List<ProcessResources.DeployableResource> resources =
        ProcessResources.load(reviewMode == ReviewMode.JOB_WORKER);
    List<DecisionTable> tables =
        resources.stream()
            .filter(ProcessResources.DeployableResource::isDecision)
            .map(DecisionTable::of)
            .toList();
    EngineDecisions engine = new EngineDecisions(client);
    List<DecisionTable> toDeploy =
        withRetries(
            "looking up the deployed decision tables",
            properties.maxWait(),
            () ->
                tables.stream()
                    .filter(
                        table -> shouldDeploy(table, properties.decisionPolicy(), engine, deployed))
                    .toList());
    List<ProcessResources.DeployableResource> sent =
        resources.stream()
            .filter(r -> !r.isDecision() || toDeploy.stream().anyMatch(t -> t.file() == r))
            .toList();
    this.deployment =
        withRetries(
            "deploying the process models",
            properties.maxWait(),
            () -> command(client, sent).requestTimeout(REQUEST_TIMEOUT).send().join());
    for (DecisionTable table : toDeploy) {
      for (Decision decision : deployment.getDecisions()) {
        if (decision.getDmnDecisionId().equals(table.decisionId())) {
          deployed.record(
              new DecisionDeployments.Deployed(
                  table.decisionId(),
                  table.versionTag(),
                  decision.getDecisionKey(),
                  decision.getVersion(),
                  table.checksum()));
          log.info("Decision table {} deployed as version {}", table, decision.getVersion());
        }
      }
    }
    this.decisionDeployed = !toDeploy.isEmpty();
    log.info(
        "Deployed {} (processes {}, decisions {}, forms {})",
        sent.stream().map(ProcessResources.DeployableResource::name).toList(),
        deployment.getProcesses().size(),
        deployment.getDecisions().size(),
        deployment.getForm().size());
  }

  /** The policy applied to one table; every outcome is logged with what the engine holds. */
  private static boolean shouldDeploy(
      DecisionTable table,
      DecisionPolicy policy,
      EngineDecisions engine,
      DecisionDeployments deployed) {
    switch (policy) {
      case ALWAYS -> {
        log.warn(
            "fraud.deployment.decision-policy=always: deploying {}; a table deployed since the last start is"
                + " replaced if it differs",
            table);
        return true;
      }
      case NEVER -> {
        log.info("fraud.deployment.decision-policy=never: {} is not deployed", table);
        return false;
      }
      default -> {
        var latest = engine.latest(table.decisionId());
        if (latest.isEmpty()) {
          log.info("The engine has no decision {}: deploying {}", table.decisionId(), table);
          return true;
        }
        for (DecisionDeployments.Deployed ours :
            deployed.of(table.decisionId(), table.versionTag())) {
          if (engine.has(ours)) {
            String latestNote =
                latest.get().version() == ours.version()
                    ? "still the latest"
                    : "the latest of any tag is version " + latest.get().version();
            String content =
                ours.checksum().equals(table.checksum())
                    ? ""
                    : "; the repository's table differs from it: deploy it like any other change if it should decide";
            log.info(
                "Decision table {} keeps deciding as deployed: these workers deployed tag {} as version {} ({}), and"
                    + " the table deciding for that tag is the latest deployed with it{}",
                table.decisionId(),
                table.versionTag(),
                ours.version(),
                latestNote,
                content);
            return false;
          }
        }
        log.info(
            "Version tag {} of {} was never deployed by these workers to this engine (latest of any tag: version {}):"
                + " deploying {}",
            table.versionTag(),
            table.decisionId(),
            latest.get().version(),
            table);
        return true;
      }
    }
  }

  private static <T> T withRetries(String what, Duration maxWait, Supplier<T> call) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    Duration pause = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (System.nanoTime() + pause.toNanos() > deadline) {
          throw new IllegalStateException(
              "Failed "
                  + what
                  + " within "
                  + maxWait
                  + " ("
                  + attempt
                  + " attempts): "
                  + e.getMessage()
                  + ". Is the Zeebe gateway at camunda.client.grpc-address reachable?",
              e);
        }
        log.warn(
            "{} failed (attempt {}): {}; retrying in {}", what, attempt, e.getMessage(), pause);
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while " + what, interrupted);
        }
        pause =
            pause.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0
                ? Duration.ofSeconds(15)
                : pause.multipliedBy(2);
      }
    }
  }

  private static DeployResourceCommandStep2 command(
      CamundaClient client, List<ProcessResources.DeployableResource> resources) {
    DeployResourceCommandStep2 command = null;
    for (var resource : resources) {
      command =
          command == null
              ? client
                  .newDeployResourceCommand()
                  .addResourceBytes(resource.content(), resource.name())
              : command.addResourceBytes(resource.content(), resource.name());
    }
    return command;
  }

  public DeploymentEvent deployment() {
    return deployment;
  }

  /** Whether this start deployed the repository's decision table. */
  public boolean decisionDeployed() {
    return decisionDeployed;
  }
}
