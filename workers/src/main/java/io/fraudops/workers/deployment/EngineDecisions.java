package io.fraudops.workers.deployment;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.EvaluateDecisionCommandStep1.EvaluateDecisionCommandStep2;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Asks the engine about its decision tables through the one call both the gRPC and the REST API
 * offer: evaluating one. The inputs make the fraud table's first rule match without any feature, so
 * nothing is computed; only whether the decision exists (and which version) matters.
 */
final class EngineDecisions {

  /** A version of a decision the engine has. */
  record Found(long key, int version) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Map<String, Object> PROBE =
      Map.of("featuresComplete", false, "topReasons", List.of());

  private final CamundaClient client;

  EngineDecisions(CamundaClient client) {
    this.client = client;
  }

  /** The latest version of the decision, whatever its tag; empty when the engine has none. */
  Optional<Found> latest(String decisionId) {
    return evaluate(client.newEvaluateDecisionCommand().decisionId(decisionId).variables(PROBE));
  }

  /** Whether the engine still has exactly this table (an in-memory engine forgets at restart). */
  boolean has(DecisionDeployments.Deployed deployed) {
    return evaluate(
            client
                .newEvaluateDecisionCommand()
                .decisionKey(deployed.decisionKey())
                .variables(PROBE))
        .filter(found -> found.version() == deployed.version())
        .isPresent();
  }

  private Optional<Found> evaluate(EvaluateDecisionCommandStep2 command) {
    try {
      EvaluateDecisionResponse response = command.requestTimeout(TIMEOUT).send().join();
      return Optional.of(new Found(response.getDecisionKey(), response.getDecisionVersion()));
    } catch (RuntimeException e) {
      if (notFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean notFound(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    return (cause instanceof ClientStatusException status
            && status.getStatusCode() == Status.Code.NOT_FOUND)
        || (cause instanceof ClientHttpException http && http.code() == 404);
  }
}
