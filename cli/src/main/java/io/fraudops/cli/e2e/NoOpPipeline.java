package io.fraudops.cli.e2e;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.local.zeebe.EmbeddedEngine;
import io.fraudops.workers.deployment.ProcessResources;
import io.fraudops.workers.payment.PaymentIntake;
import io.fraudops.workers.process.ProcessVariables;
import io.fraudops.workers.process.ScreenedPayment;
import io.fraudops.workers.screening.FetchFeaturesWorker;
import io.fraudops.workers.screening.RecordDecisionWorker;
import io.fraudops.workers.screening.ScoreWorker;
import io.fraudops.workers.screening.ValidateTransactionWorker;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The engine's own limit: the same BPMN and decision table on a second embedded engine of its own,
 * whose workers complete each job at once with {@link CannedVariables}. Each fetches the variables
 * the real worker fetches (its input record's names), and instances are created with the variables
 * the application's intake sends, so the engine does the same work per payment as in the full
 * pipeline: only the workers' own work (stores, model, ledger) is gone. Its synchronous answer is
 * the engine's, {@code createProcessInstance().withResult()}, which returns once the instance has
 * ended.
 */
final class NoOpPipeline implements Pipeline, AutoCloseable {

  private static final String RECORD_DECISION = "fraud.record-decision";

  private final EmbeddedEngine engine;
  private final CamundaClient client;
  private final JobTraffic traffic;
  private final InFlight inFlight;
  private final CardTokenizer cards;
  private final Duration answerWait;
  private final List<JobWorker> workers = new ArrayList<>();
  private volatile CannedVariables canned;

  private NoOpPipeline(
      EmbeddedEngine engine,
      CamundaClient client,
      JobTraffic traffic,
      InFlight inFlight,
      CardTokenizer cards,
      Duration answerWait) {
    this.engine = engine;
    this.client = client;
    this.traffic = traffic;
    this.inFlight = inFlight;
    this.cards = cards;
    this.answerWait = answerWait;
  }

  /**
   * Starts the engine and deploys the application's models as the local runtime does (job-worker
   * user tasks).
   */
  static NoOpPipeline start(
      InFlight inFlight,
      CardTokenizer cards,
      Duration answerWait,
      boolean captureRecords,
      int executionThreads) {
    EmbeddedEngine engine = EmbeddedEngine.start(0, captureRecords);
    JobTraffic traffic = new JobTraffic();
    CamundaClient client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(engine.grpcAddress()))
            .preferRestOverGrpc(false)
            .defaultJobWorkerStreamEnabled(true)
            .numJobWorkerExecutionThreads(executionThreads)
            .withInterceptors(traffic)
            .build();
    NoOpPipeline pipeline = new NoOpPipeline(engine, client, traffic, inFlight, cards, answerWait);
    try {
      DeployResourceCommandStep1.DeployResourceCommandStep2 deploy = null;
      for (ProcessResources.DeployableResource resource : ProcessResources.load(true)) {
        deploy =
            deploy == null
                ? client
                    .newDeployResourceCommand()
                    .addResourceBytes(resource.content(), resource.name())
                : deploy.addResourceBytes(resource.content(), resource.name());
      }
      deploy.send().join();
      return pipeline;
    } catch (RuntimeException e) {
      pipeline.close();
      throw e;
    }
  }

  /** The decision table's outcome for these canned variables, evaluated by this engine. */
  String decisionFor(CannedVariables variables) {
    Map<String, Object> context = new HashMap<>();
    context.putAll(asMap(variables.validated(variables.payment().transactionId())));
    context.putAll(asMap(variables.features()));
    context.putAll(asMap(variables.scored()));
    String output =
        client
            .newEvaluateDecisionCommand()
            .decisionId("fraud-decision")
            .variables(context)
            .send()
            .join()
            .getDecisionOutput();
    Object outcome = client.getConfiguration().getJsonMapper().fromJsonAsMap(output).get("outcome");
    return String.valueOf(outcome);
  }

  /** Opens the no-op workers, answering with these variables. */
  void open(CannedVariables variables, int maxJobsActive) {
    this.canned = variables;
    worker(
        "fraud.validate-transaction",
        ValidateTransactionWorker.Input.class,
        maxJobsActive,
        job -> {
          Object transaction = job.getVariablesAsMap().get(ProcessVariables.TRANSACTION);
          String id =
              transaction instanceof Map<?, ?> map ? String.valueOf(map.get("transactionId")) : "";
          return canned.validated(id);
        });
    worker(
        "fraud.fetch-features",
        FetchFeaturesWorker.Input.class,
        maxJobsActive,
        job -> canned.features());
    worker("fraud.score", ScoreWorker.Input.class, maxJobsActive, job -> canned.scored());
    worker(
        RECORD_DECISION,
        RecordDecisionWorker.Input.class,
        maxJobsActive,
        job -> {
          inFlight.decided(String.valueOf(job.getVariable(ProcessVariables.TRANSACTION_ID)), false);
          return Map
              .of(); // as the real record step: the decision goes to the ledger, nothing to the
          // process
        });
  }

  private void worker(
      String type,
      Class<? extends Record> input,
      int maxJobsActive,
      Function<ActivatedJob, Object> answer) {
    List<String> fetch = Arrays.stream(input.getRecordComponents()).map(c -> c.getName()).toList();
    JobHandler handler =
        (JobClient jobs, ActivatedJob job) ->
            jobs.newCompleteCommand(job).variables(answer.apply(job)).send();
    workers.add(
        client
            .newWorker()
            .jobType(type)
            .handler(handler)
            .maxJobsActive(maxJobsActive)
            .fetchVariables(fetch)
            .open());
  }

  @Override
  public String name() {
    return "no-op";
  }

  @Override
  public void start(Phase phase, BenchPayment payment, long dueNanos) {
    ScreenedPayment screened =
        CannedVariables.withId(ScreenedPayment.of(payment.transaction()), payment.transactionId());
    Map<String, Object> transaction = asMap(screened);
    if (screened.cardNumber() != null) {
      transaction.put(
          "cardTokenMac", cards.tokenMac(payment.transaction().card(), payment.transactionId()));
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.TRANSACTION, transaction);
    variables.put(ProcessVariables.RECEIVED_AT, System.currentTimeMillis());
    inFlight.register(payment.transactionId(), phase, dueNanos);
    phase.started();
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(PaymentIntake.PROCESS_ID)
        .latestVersion()
        .variables(variables)
        .withResult()
        .fetchVariables(ProcessVariables.TRANSACTION_ID)
        .requestTimeout(answerWait)
        .send()
        .whenComplete(
            (result, error) -> {
              if (error == null) {
                phase.answered(System.nanoTime() - dueNanos);
              } else if (error.getMessage() != null
                  && error.getMessage().contains("DEADLINE_EXCEEDED")) {
                phase.answeredPastDeadline();
              } else {
                phase.failed(error.getClass().getSimpleName() + ": " + error.getMessage());
              }
            });
  }

  private Map<String, Object> asMap(Object value) {
    var mapper = client.getConfiguration().getJsonMapper();
    return new HashMap<>(mapper.fromJsonAsMap(mapper.toJson(value)));
  }

  @Override
  public long recordsWritten() {
    return engine.recordsWritten();
  }

  @Override
  public JobTraffic traffic() {
    return traffic;
  }

  EmbeddedEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
    client.close();
    engine.close();
  }
}
