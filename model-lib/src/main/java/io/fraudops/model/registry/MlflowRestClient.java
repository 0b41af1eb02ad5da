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
 * MLflow's REST API ({@code /api/2.0/mlflow/...}) over the JDK's HTTP client: mlflow-client 2.17 lacks the
 * alias and create calls, and its protobuf and Python dependencies buy nothing here.
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

    private final URI trackingUri;
    private final HttpClient http;
    private final String token;

    /** @param token sent as a bearer token when not null (MLflow behind an auth proxy, Databricks) */
    MlflowRestClient(URI trackingUri, HttpClient http, String token) {
        this.trackingUri = Objects.requireNonNull(trackingUri, "trackingUri");
        this.http = Objects.requireNonNull(http, "http");
        this.token = token;
    }

    /**
     * Empty on MLflow's RESOURCE_DOES_NOT_EXIST: a missing model, version or alias. Any other 404 (a wrong
     * tracking URI, a proxy, an MLflow without aliases) throws: it must not read as "no champion".
     */
    Optional<JsonNode> get(String endpoint, Map<String, String> query) {
        String q = query.entrySet().stream()
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
            return send(request(endpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new ModelRegistryException("cannot serialise request to " + endpoint, e);
        }
    }

    private HttpRequest.Builder request(String endpointAndQuery) {
        String base = trackingUri.toString().replaceFirst("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/2.0/mlflow/" + endpointAndQuery))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ModelRegistryException("MLflow unreachable at " + built.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelRegistryException("interrupted calling MLflow at " + built.uri(), e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String code = body.path("error_code").asText("HTTP_" + response.statusCode());
            throw new MlflowException(response.statusCode(), code, "MLflow " + built.method() + " " + built.uri()
                    + " failed: " + response.statusCode() + " " + code + " " + body.path("message").asText(""));
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
