package io.fraudops.workers.resilience;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.review.PendingReview;
import io.fraudops.workers.review.ReviewInbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What the fault tests share: starting payments, waiting for their outcome, health, metrics, logs.
 */
final class FaultFixture {

  static final Duration BOUND = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CamundaClient client;
  private final ReviewInbox inbox;
  private final DecisionAudit audit;
  private final MockMvc mvc;
  private final MeterRegistry meters;

  FaultFixture(
      CamundaClient client,
      ReviewInbox inbox,
      DecisionAudit audit,
      MockMvc mvc,
      MeterRegistry meters) {
    this.client = client;
    this.inbox = inbox;
    this.audit = audit;
    this.mvc = mvc;
    this.meters = meters;
  }

  long start(Map<String, Object> payment) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("transaction-screening")
        .latestVersion()
        .variables(Map.of("transaction", payment, "receivedAt", System.currentTimeMillis()))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  PendingReview review(long instance) {
    return Eventually.get(
        "a review of instance " + instance,
        BOUND,
        () -> inbox.pending().stream().filter(r -> r.processInstanceKey() == instance).findFirst());
  }

  /** Waits for the payment's audit row; a database still refusing connections is waited for too. */
  DecisionRecord decision(String transactionId) {
    return Eventually.get(
        "the audit row of " + transactionId,
        BOUND,
        () -> {
          try {
            return audit.find(transactionId);
          } catch (DataAccessException e) {
            return Optional.empty();
          }
        });
  }

  /** The status of a health component (or group), e.g. {@code redis}, {@code readiness}. */
  JsonNode health(String path) {
    try {
      String body =
          mvc.perform(MockMvcRequestBuilders.get("/actuator/health/" + path))
              .andReturn()
              .getResponse()
              .getContentAsString();
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("cannot read /actuator/health/" + path, e);
    }
  }

  void awaitHealth(String path, String status) {
    Eventually.get(
        path + " health " + status,
        BOUND,
        () -> Optional.of(health(path)).filter(h -> status.equals(h.path("status").asText())));
  }

  double counter(String name, String... tags) {
    var counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  double gauge(String name, String... tags) {
    var gauge = meters.find(name).tags(tags).gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  /** Keeps the events of one logger from now on. */
  static final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture(Class<?> type) {
      logger = (Logger) LoggerFactory.getLogger(type);
      appender.start();
      logger.addAppender(appender);
    }

    List<String> warnings(String containing) {
      return appender.list.stream()
          .filter(e -> e.getLevel() == Level.WARN)
          .map(ILoggingEvent::getFormattedMessage)
          .filter(m -> m.contains(containing))
          .toList();
    }

    @Override
    public void close() {
      logger.detachAppender(appender);
    }
  }

  /**
   * Sends a signal (STOP, CONT) to processes: Java cannot pause one itself. kill signals every pid
   * it can; a short-lived worker gone meanwhile only changes its exit code, so that is not checked.
   */
  static void signal(String signal, List<ProcessHandle> processes)
      throws IOException, InterruptedException {
    if (processes.isEmpty()) {
      throw new IOException("no process to send " + signal + " to");
    }
    List<String> command = new java.util.ArrayList<>(List.of("kill", "-" + signal));
    processes.forEach(p -> command.add(Long.toString(p.pid())));
    new ProcessBuilder(command).inheritIO().start().waitFor();
  }
}
