package io.fraudops.workers.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.TestUsers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A 5 MB body is answered 413 with a JSON message, whether it declares its length or comes chunked;
 * a small chunked body still reaches its controller. Over a real connection too: that is where a 5
 * MB payment used to come back as a 500 (gRPC RESOURCE_EXHAUSTED).
 */
@ApplicationTest
class RequestSizeLimitTest {

  private static final int FIVE_MB = 5 * 1024 * 1024;
  private static final String TOO_LARGE = "at most 64 KB (fraud.http.max-request-size)";

  @Autowired MockMvc http;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void aFiveMegabytePaymentIsRefusedWith413() throws Exception {
    http.perform(
            post("/transactions")
                .with(TestUsers.paymentSystem())
                .contentType(MediaType.APPLICATION_JSON)
                .content(largePayment()))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(
            jsonPath("$.message")
                .value(
                    "request body too large (" + (FIVE_MB + 2) + " bytes declared): " + TOO_LARGE));
  }

  @Test
  void overARealConnectionWithContentLength() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.BodyPublishers.ofByteArray(largePayment()),
            "/transactions",
            TestUsers.PAYMENT_SYSTEM);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(message(response)).endsWith(TOO_LARGE);
  }

  @Test
  void overARealConnectionChunked() throws Exception {
    // An input stream has no known length: the client sends Transfer-Encoding: chunked.
    HttpResponse<String> response =
        send(
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(largePayment())),
            "/transactions",
            TestUsers.PAYMENT_SYSTEM);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(message(response)).isEqualTo("request body too large (chunked body): " + TOO_LARGE);
  }

  @Test
  void aSmallChunkedBodyReachesItsController() throws Exception {
    byte[] verdict =
        "{\"decision\": \"APPROVE\", \"comment\": \"checked\"}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(verdict)),
            "/reviews/1",
            TestUsers.ANALYST);
    // The inbox read the verdict and looked the review up: there is none with key 1.
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("No pending review with key 1");
  }

  private HttpResponse<String> send(HttpRequest.BodyPublisher body, String path, String user)
      throws Exception {
    String credentials = user + ":" + TestUsers.password(user);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .POST(body)
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String message(HttpResponse<String> response) throws Exception {
    JsonNode body = json.readTree(response.body());
    return body.path("message").asText();
  }

  /** A JSON string of 5 MB: well-formed, so only its size is wrong. */
  private static byte[] largePayment() {
    byte[] body = new byte[FIVE_MB + 2];
    Arrays.fill(body, (byte) 'x');
    body[0] = '"';
    body[body.length - 1] = '"';
    return body;
  }
}
