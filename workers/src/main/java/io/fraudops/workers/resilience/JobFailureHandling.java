package io.fraudops.workers.resilience;

import io.camunda.client.api.command.FailJobCommandStep1.FailJobCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.CommandWrapper;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens when a job worker throws. The starter would fail the job with one retry fewer and no
 * wait, so a database that is down for a second turns every payment in the record step into an
 * incident within milliseconds. Here an unexpected exception fails the job with a backoff ({@link
 * RetryBackoff}) and a short message that says why; only when the BPMN's retries are used up does
 * it become an incident, with that message, logged at ERROR. BPMN errors and explicit job errors
 * ({@link CamundaError}) are handled as the starter handles them.
 *
 * <p>Retries are logged at DEBUG: an outage is reported once by its circuit breaker, not once per
 * payment. They are counted in {@code fraud_job_failures_total{type,result=retry|incident}}.
 *
 * <p>The attempt number comes from how often this instance saw the job fail (the engine does not
 * tell); a job retried on another instance of the workers starts its backoff over.
 */
@Component
public class JobFailureHandling implements JobExceptionHandlingStrategy {

  private static final Logger log = LoggerFactory.getLogger(JobFailureHandling.class);
  private static final int MAX_MESSAGE_LENGTH = 1_000;
  private static final int ATTEMPTS_KEPT = 10_000;

  private final JobExceptionHandlingStrategy defaults;
  private final CommandExceptionHandlingStrategy commandFailures;
  private final MetricsRecorder metricsRecorder;
  private final MeterRegistry meters;
  private final RetryBackoff backoff;
  private final Map<Long, Integer> attempts =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
          return size() > ATTEMPTS_KEPT;
        }
      };

  public JobFailureHandling(
      CommandExceptionHandlingStrategy commandFailures,
      MetricsRecorder metricsRecorder,
      MeterRegistry meters,
      RetryBackoff backoff) {
    this.defaults = new DefaultJobExceptionHandlingStrategy(commandFailures, metricsRecorder);
    this.commandFailures = commandFailures;
    this.metricsRecorder = metricsRecorder;
    this.meters = meters;
    this.backoff = backoff;
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context)
      throws Exception {
    if (exception instanceof CamundaError) {
      defaults.handleException(exception, context);
      return;
    }
    ActivatedJob job = context.job();
    int attempt = countFailure(job.getKey());
    int retriesLeft = Math.max(0, job.getRetries() - 1);
    String why = OutageLog.describe(exception);
    String message;
    FailJobCommandStep2 command =
        context.jobClient().newFailCommand(job.getKey()).retries(retriesLeft);
    if (retriesLeft == 0) {
      forget(job.getKey());
      message =
          clip(
              job.getType() + " failed on attempt " + attempt + " and has no retries left: " + why);
      log.error(
          "Incident on process instance {} at {}: {}",
          job.getProcessInstanceKey(),
          job.getElementId(),
          message,
          exception);
      meters.counter("fraud.job.failures", "type", job.getType(), "result", "incident").increment();
      send(
          new CommandWrapper(
              command.errorMessage(message),
              job,
              commandFailures,
              metricsRecorder,
              maxRetries(context)),
          job);
    } else {
      Duration wait = backoff.after(attempt);
      message =
          clip(
              job.getType()
                  + " failed on attempt "
                  + attempt
                  + ", "
                  + retriesLeft
                  + " retries left, next in "
                  + wait.toMillis()
                  + " ms: "
                  + why);
      log.debug(
          "Process instance {} at {}: {}",
          job.getProcessInstanceKey(),
          job.getElementId(),
          message);
      meters.counter("fraud.job.failures", "type", job.getType(), "result", "retry").increment();
      send(
          new CommandWrapper(
              command.errorMessage(message).retryBackoff(wait),
              job,
              commandFailures,
              metricsRecorder,
              maxRetries(context)),
          job);
    }
  }

  private static void send(CommandWrapper command, ActivatedJob job) {
    command.executeAsyncWithMetrics(
        MetricsRecorder.METRIC_NAME_JOB, MetricsRecorder.ACTION_FAILED, job.getType());
  }

  private static int maxRetries(ExceptionHandlingContext context) {
    Integer configured =
        context.jobWorkerValue() == null ? null : context.jobWorkerValue().getMaxRetries();
    return configured == null ? 0 : configured;
  }

  private synchronized int countFailure(long jobKey) {
    return attempts.merge(jobKey, 1, Integer::sum);
  }

  private synchronized void forget(long jobKey) {
    attempts.remove(jobKey);
  }

  private static String clip(String message) {
    return message.length() <= MAX_MESSAGE_LENGTH
        ? message
        : message.substring(0, MAX_MESSAGE_LENGTH) + "…";
  }
}
