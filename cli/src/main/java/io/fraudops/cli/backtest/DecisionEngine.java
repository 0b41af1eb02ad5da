package io.fraudops.cli.backtest;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DeploymentEvent;
import io.fraudops.cli.BadInputException;
import io.fraudops.local.zeebe.EmbeddedEngine;
import io.grpc.Status;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * A Zeebe engine of its own, started for the backtest and stopped after it: the tables are deployed
 * and evaluated there with the gateway's EvaluateDecision command, so a candidate is decided by the
 * same DMN engine as in production, never by a re-implementation, and nothing touches a running
 * cluster.
 */
final class DecisionEngine implements AutoCloseable {

  /**
   * Evaluations sent before waiting for answers: enough to keep the engine busy, few enough for its
   * queue.
   */
  private static final int IN_FLIGHT = 32;

  /**
   * Per request. The client's 10 s default was too short on a loaded 2-core machine (a deployment
   * timed out at load 44); this is a batch, so a slow answer is waited for rather than counted as a
   * failure.
   */
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private final EmbeddedEngine engine;
  private final CamundaClient client;

  private DecisionEngine(EmbeddedEngine engine, CamundaClient client) {
    this.engine = engine;
    this.client = client;
  }

  static DecisionEngine start() {
    EmbeddedEngine engine = EmbeddedEngine.start(0);
    try {
      CamundaClient client =
          CamundaClient.newClientBuilder()
              .grpcAddress(URI.create(engine.grpcAddress()))
              .preferRestOverGrpc(false)
              .defaultRequestTimeout(REQUEST_TIMEOUT)
              .build();
      return new DecisionEngine(engine, client);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /**
   * Deploys a table and answers the key of its decision {@code decisionId}. Each call is its own
   * deployment, so two files with the same decision id become two versions, each evaluated by its
   * key.
   *
   * @throws BadInputException when the engine refuses the file or it has no such decision
   */
  long deploy(String name, byte[] dmn, String decisionId) {
    String resource = name.endsWith(".dmn") ? name : name + ".dmn";
    DeploymentEvent deployment;
    try {
      deployment = client.newDeployResourceCommand().addResourceBytes(dmn, resource).send().join();
    } catch (ClientStatusException e) {
      // INVALID_ARGUMENT is the engine judging the file; anything else (a timeout, an engine gone)
      // is no fault of it.
      if (e.getStatusCode() == Status.Code.INVALID_ARGUMENT) {
        throw new BadInputException("the engine refuses " + name + ": " + e.getMessage(), e);
      }
      throw new IllegalStateException(
          "deploying " + name + " to the backtest's engine failed: " + e.getMessage(), e);
    }
    List<Decision> decisions = deployment.getDecisions();
    return decisions.stream()
        .filter(d -> d.getDmnDecisionId().equals(decisionId))
        .findFirst()
        .map(Decision::getDecisionKey)
        .orElseThrow(
            () ->
                new BadInputException(
                    name
                        + " has no decision '"
                        + decisionId
                        + "' (it has "
                        + decisions.stream().map(Decision::getDmnDecisionId).toList()
                        + "); pass --decision=ID"));
  }

  /** Evaluates the decision once per set of variables; the answers in the same order. */
  List<Redecision> evaluateAll(long decisionKey, List<Map<String, Object>> variables)
      throws InterruptedException {
    Redecision[] out = new Redecision[variables.size()];
    Semaphore permits = new Semaphore(IN_FLIGHT);
    CountDownLatch done = new CountDownLatch(variables.size());
    for (int i = 0; i < out.length; i++) {
      int index = i;
      permits.acquire();
      client
          .newEvaluateDecisionCommand()
          .decisionKey(decisionKey)
          .variables(variables.get(i))
          .send()
          .whenComplete(
              (response, failure) -> {
                out[index] =
                    failure != null
                        ? Redecision.failed(String.valueOf(failure.getMessage()))
                        : Redecision.of(response, variables.get(index));
                permits.release();
                done.countDown();
              });
    }
    done.await();
    return List.of(out);
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      engine.close();
    }
  }
}
