package io.fraudops.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * MLflow's REST API ({@code /api/2.0/mlflow/...}) and its artifact proxy ({@code
 * /api/2.0/mlflow-artifacts/...}) over the JDK's HTTP client: mlflow-client 2.17 lacks the alias
 * and create calls, its artifact calls shell out to Python, and its protobuf dependencies buy
 * nothing here.
 */
final class MlflowRestClient {

  /** MLflow's error body: {@code {"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "..."}}. */
  static final class MlflowException extends ModelRegistryException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String errorCode;

    MlflowException(int status, String errorCode, String message) {
      super(message);
      this.status = status;
      this.errorCode = errorCode;
    }

    int status() {
      return status;
    }

    String errorCode() {
      return errorCode;
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Model files run to megabytes; a slow artifact store behind the proxy must not cut them off. */
  private static final Duration ARTIFACT_TIMEOUT = Duration.ofSeconds(60);

  private final URI trackingUri;
  private final HttpClient http;
  private final String token;

  /**
   * @param token sent as a bearer token when not null (MLflow behind an auth proxy, Databricks)
   */
  MlflowRestClient(URI trackingUri, HttpClient http, String token) {
    this.trackingUri = Objects.requireNonNull(trackingUri, "trackingUri");
    this.http = Objects.requireNonNull(http, "http");
    this.token = token;
  }

  /**
   * Empty on MLflow's RESOURCE_DOES_NOT_EXIST: a missing model, version or alias. Any other 404 (a
   * wrong tracking URI, a proxy, an MLflow without aliases) throws: it must not read as "no
   * champion".
   */
  Optional<JsonNode> get(String endpoint, Map<String, String> query) {
    String q =
        query.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    try {
      return Optional.of(send(request(endpoint + (q.isEmpty() ? "" : "?" + q)).GET()));
    } catch (MlflowException e) {
      if ("RESOURCE_DOES_NOT_EXIST".equals(e.errorCode())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  JsonNode post(String endpoint, Object body) {
    try {
      return send(
          request(endpoint)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body))));
    } catch (IOException e) {
      throw new ModelRegistryException("cannot serialise request to " + endpoint, e);
    }
  }

  URI trackingUri() {
    return trackingUri;
  }

  /**
   * A file through the server's artifact proxy ({@code mlflow server --serve-artifacts}, the
   * default since MLflow 2.0): {@code GET /api/2.0/mlflow-artifacts/artifacts/<path>}, {@code path}
   * being what follows {@code mlflow-artifacts:/} in an artifact URI. Empty when there is no such
   * file.
   */
  Optional<byte[]> downloadArtifact(String path) {
    HttpRequest request = artifactRequest(path).GET().build();
    HttpResponse<byte[]> response = exchange(request);
    if (response.statusCode() == 200) {
      return Optional.of(response.body());
    }
    if (response.statusCode() == 404 || missingFile(response)) {
      return Optional.empty();
    }
    throw artifactFailure(request, response);
  }

  /**
   * Checks that the server proxies artifacts: {@code GET /api/2.0/mlflow-artifacts/artifacts} lists
   * the artifact store's root.
   *
   * @throws ModelRegistryException saying what to change when it does not (503 from a server
   *     started with {@code --no-serve-artifacts}, 404 from one without the endpoint)
   */
  void requireArtifactProxy() {
    String base = trackingUri.toString().replaceFirst("/+$", "");
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + "/api/2.0/mlflow-artifacts/artifacts"))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    HttpRequest request = builder.GET().build();
    HttpResponse<byte[]> response = exchange(request);
    if (response.statusCode() == 404) {
      throw new ModelRegistryException(
          "MLflow at "
              + trackingUri
              + " has no artifact proxy (404 on "
              + request.uri()
              + "): run MLflow 2.x with --serve-artifacts, or configure the S3 endpoint of its"
              + " artifact store");
    }
    if (response.statusCode() / 100 != 2) {
      throw artifactFailure(request, response);
    }
  }

  /** {@code PUT /api/2.0/mlflow-artifacts/artifacts/<path>}: creates or replaces the file. */
  void uploadArtifact(String path, byte[] bytes) {
    HttpRequest request =
        artifactRequest(path)
            .timeout(ARTIFACT_TIMEOUT)
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    HttpResponse<byte[]> response = exchange(request);
    if (response.statusCode() / 100 != 2) {
      throw artifactFailure(request, response);
    }
  }

  private HttpRequest.Builder artifactRequest(String path) {
    String base = trackingUri.toString().replaceFirst("/+$", "");
    StringBuilder encoded = new StringBuilder();
    for (String segment : path.replaceFirst("^/+", "").split("/")) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("bad artifact path '" + path + "'");
      }
      encoded.append('/').append(encode(segment).replace("+", "%20"));
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + "/api/2.0/mlflow-artifacts/artifacts" + encoded))
            .timeout(ARTIFACT_TIMEOUT);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  /**
   * MLflow 2.x answers a missing file with a 500 whose message carries the store's own error: "No
   * such file or directory" from a disk, a 404 / NoSuchKey from S3.
   */
  private static boolean missingFile(HttpResponse<byte[]> response) {
    String message = parse(response.body()).path("message").asText("");
    return response.statusCode() == 500
        && (message.contains("No such file")
            || message.contains("NoSuchKey")
            || message.contains("(404)")
            || message.contains("Not Found")
            || message.contains("does not exist"));
  }

  private ModelRegistryException artifactFailure(
      HttpRequest request, HttpResponse<byte[]> response) {
    JsonNode body = parse(response.body());
    // The 503 of a server without the proxy is plain text, not MLflow's JSON error.
    String message =
        body.path("message").asText(new String(response.body(), StandardCharsets.UTF_8).strip());
    message = message.length() > 500 ? message.substring(0, 500) + "…" : message;
    if (response.statusCode() == 503 && message.contains("serve-artifacts")) {
      return new ModelRegistryException(
          "MLflow at "
              + trackingUri
              + " does not serve artifacts (it runs with"
              + " --no-serve-artifacts): start it with --serve-artifacts --artifacts-destination <store>, or"
              + " configure the S3 endpoint of its artifact store so model files are read there directly");
    }
    String code = body.path("error_code").asText("HTTP_" + response.statusCode());
    return new MlflowException(
        response.statusCode(),
        code,
        "MLflow artifact proxy "
            + request.method()
            + " "
            + request.uri()
            + " failed: "
            + response.statusCode()
            + " "
            + code
            + " "
            + message);
  }

  private HttpResponse<byte[]> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ModelRegistryException("MLflow unreachable at " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelRegistryException("interrupted calling MLflow at " + request.uri(), e);
    }
  }

  private HttpRequest.Builder request(String endpointAndQuery) {
    String base = trackingUri.toString().replaceFirst("/+$", "");
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + "/api/2.0/mlflow/" + endpointAndQuery))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private JsonNode send(HttpRequest.Builder request) {
    HttpRequest built = request.build();
    HttpResponse<byte[]> response = exchange(built);
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      String code = body.path("error_code").asText("HTTP_" + response.statusCode());
      throw new MlflowException(
          response.statusCode(),
          code,
          "MLflow "
              + built.method()
              + " "
              + built.uri()
              + " failed: "
              + response.statusCode()
              + " "
              + code
              + " "
              + body.path("message").asText(""));
    }
    return body;
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      // A proxy's HTML error page, say: keep the status code as the message's substance.
      return MAPPER.createObjectNode();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
