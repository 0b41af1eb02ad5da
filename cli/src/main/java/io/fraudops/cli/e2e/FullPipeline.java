package io.fraudops.cli.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.local.zeebe.EmbeddedEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole application, as a payment system uses it: {@code POST /transactions} with {@code
 * Prefer: wait}, answered with the decision (or REVIEW_PENDING) in the same call. The decision
 * itself is seen where the application records it (the ledger's decision, or the review opened),
 * through {@link InFlight}.
 */
final class FullPipeline implements Pipeline, AutoCloseable {

  private static final Set<String> FINAL_ANSWERS =
      Set.of("APPROVED", "DECLINED", "REVIEW_PENDING", "REJECTED");

  private final URI endpoint;
  private final BenchUser user;
  private final Duration answerWait;
  private final InFlight inFlight;
  private final ObjectMapper json;
  private final EmbeddedEngine engine;
  private final JobTraffic traffic;
  private final ExecutorService callbacks =
      Executors.newFixedThreadPool(
          2, Thread.ofPlatform().daemon().name("bench-http-", 0).factory());
  private final HttpClient http;

  FullPipeline(
      URI endpoint,
      BenchUser user,
      Duration answerWait,
      InFlight inFlight,
      ObjectMapper json,
      EmbeddedEngine engine,
      JobTraffic traffic) {
    this.endpoint = endpoint;
    this.user = user;
    this.answerWait = answerWait;
    this.inFlight = inFlight;
    this.json = json;
    this.engine = engine;
    this.traffic = traffic;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(callbacks)
            .build();
  }

  @Override
  public String name() {
    return "full";
  }

  @Override
  public void start(Phase phase, BenchPayment payment, long dueNanos) {
    byte[] body;
    try {
      body = json.writeValueAsBytes(payment.payload());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a synthetic payment as JSON", e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            // Beyond the answer's deadline, the server's queue: a call still open then is a
            // failure.
            .timeout(answerWait.plusSeconds(60))
            .header("Content-Type", "application/json")
            .header("Authorization", user.authorization())
            .header("Prefer", "wait=" + answerWait.toSeconds())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    inFlight.register(payment.transactionId(), phase, dueNanos);
    phase.started();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, error) ->
                answered(phase, payment.transactionId(), dueNanos, response, error));
  }

  private void answered(
      Phase phase,
      String transactionId,
      long dueNanos,
      HttpResponse<String> response,
      Throwable error) {
    long latency = System.nanoTime() - dueNanos;
    if (error != null) {
      phase.failed(error.getClass().getSimpleName() + ": " + error.getMessage());
      return;
    }
    String status = status(response.body());
    if ((response.statusCode() == 200 || response.statusCode() == 422)
        && FINAL_ANSWERS.contains(status)) {
      phase.answered(latency);
      if ("REJECTED".equals(status)) {
        // Refused at intake: no instance, no ledger decision to wait for.
        inFlight.decided(transactionId, false);
      }
    } else if (response.statusCode() == 202) {
      phase.answeredPastDeadline();
    } else {
      String body = response.body() == null ? "" : response.body();
      phase.failed(
          "HTTP " + response.statusCode() + " " + body.substring(0, Math.min(200, body.length())));
    }
  }

  private String status(String body) {
    try {
      JsonNode node = json.readTree(body);
      return node == null ? "" : node.path("status").asText("");
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return "";
    }
  }

  @Override
  public long recordsWritten() {
    return engine.recordsWritten();
  }

  @Override
  public JobTraffic traffic() {
    return traffic;
  }

  @Override
  public void close() {
    http.shutdownNow();
    callbacks.shutdownNow();
  }
}
