package io.fraudops.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for an MLflow 2.x tracking server's model registry endpoints, answering in the JSON shapes MLflow
 * documents (REST API reference: {@code model_version} objects with string versions, epoch-millis
 * timestamps, tag lists; errors as {@code {"error_code", "message"}}). Keeps just enough state to number
 * versions and move aliases, experiments and runs with their params and metrics (refusing a log-batch over
 * MLflow's limits), and records every request.
 */
final class FakeMlflowServer implements AutoCloseable {

    record Request(String method, String path, String query, JsonNode body) {
    }

    /** A run as logged: params by key, the last value of each metric, its status and experiment. */
    static final class Run {

        final String experimentId;
        final Map<String, String> params = new LinkedHashMap<>();
        final Map<String, Double> metrics = new LinkedHashMap<>();
        volatile String status = "RUNNING";

        Run(String experimentId) {
            this.experimentId = experimentId;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long NOW = 1_732_000_000_000L;

    private final HttpServer server;
    private final Map<String, List<ObjectNode>> versions = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
    private final Map<String, String> experiments = new LinkedHashMap<>();
    final Map<String, Run> runs = new LinkedHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Search results per page, small so that paging is exercised. */
    int pageSize = 2;
    /** When set, every request answers 500 with this error code. */
    volatile String failWith;

    FakeMlflowServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/2.0/mlflow/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A version as if created in MLflow by someone else (e.g. from Python), with these tags. */
    synchronized ObjectNode seedVersion(String name, String source, Map<String, String> tags) {
        versions.computeIfAbsent(name, n -> new ArrayList<>());
        return addVersion(name, source, tags);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/api/2.0/mlflow/".length());
        String query = exchange.getRequestURI().getRawQuery();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(raw);
        requests.add(new Request(exchange.getRequestMethod(), path, query, body));
        Map<String, String> q = parse(query);
        if (failWith != null) {
            error(exchange, 500, failWith, "injected failure");
            return;
        }
        switch (exchange.getRequestMethod() + " " + path) {
            case "POST registered-models/create" -> createModel(exchange, body.path("name").asText());
            case "POST model-versions/create" -> createVersion(exchange, body);
            case "POST registered-models/alias" -> setAlias(exchange, body);
            case "GET registered-models/alias" -> getByAlias(exchange, q.get("name"), q.get("alias"));
            case "GET model-versions/get" -> getVersion(exchange, q.get("name"), q.get("version"));
            case "GET model-versions/search" -> search(exchange, q);
            case "GET experiments/get-by-name" -> getExperiment(exchange, q.get("experiment_name"));
            case "POST experiments/create" -> createExperiment(exchange, body.path("name").asText());
            case "POST runs/create" -> createRun(exchange, body);
            case "POST runs/log-batch" -> logBatch(exchange, body);
            case "POST runs/update" -> updateRun(exchange, body);
            default -> error(exchange, 404, "ENDPOINT_NOT_FOUND", "no " + path);
        }
    }

    private void createModel(HttpExchange exchange, String name) throws IOException {
        if (versions.containsKey(name)) {
            error(exchange, 400, "RESOURCE_ALREADY_EXISTS", "Registered Model (name=" + name + ") already exists.");
            return;
        }
        versions.put(name, new ArrayList<>());
        ObjectNode model = MAPPER.createObjectNode();
        model.putObject("registered_model").put("name", name).put("creation_timestamp", NOW)
                .put("last_updated_timestamp", NOW);
        reply(exchange, 200, model);
    }

    private void createVersion(HttpExchange exchange, JsonNode body) throws IOException {
        String name = body.path("name").asText();
        if (!versions.containsKey(name)) {
            error(exchange, 404, "RESOURCE_DOES_NOT_EXIST", "Registered Model with name=" + name + " not found");
            return;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        body.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        ObjectNode reply = MAPPER.createObjectNode();
        ObjectNode version = addVersion(name, body.path("source").asText(), tags);
        version.put("run_id", body.path("run_id").asText(""));
        reply.set("model_version", version);
        reply(exchange, 200, reply);
    }

    private void getExperiment(HttpExchange exchange, String name) throws IOException {
        String id = experiments.get(name);
        if (id == null) {
            error(exchange, 404, "RESOURCE_DOES_NOT_EXIST", "Could not find experiment with name '" + name + "'");
            return;
        }
        ObjectNode reply = MAPPER.createObjectNode();
        reply.putObject("experiment").put("experiment_id", id).put("name", name).put("lifecycle_stage", "active");
        reply(exchange, 200, reply);
    }

    private void createExperiment(HttpExchange exchange, String name) throws IOException {
        if (experiments.containsKey(name)) {
            error(exchange, 400, "RESOURCE_ALREADY_EXISTS", "Experiment '" + name + "' already exists.");
            return;
        }
        String id = Integer.toString(experiments.size() + 1);
        experiments.put(name, id);
        reply(exchange, 200, MAPPER.createObjectNode().put("experiment_id", id));
    }

    private void createRun(HttpExchange exchange, JsonNode body) throws IOException {
        String experimentId = body.path("experiment_id").asText();
        if (!experiments.containsValue(experimentId)) {
            error(exchange, 404, "RESOURCE_DOES_NOT_EXIST", "No Experiment with id=" + experimentId + " exists");
            return;
        }
        String runId = String.format("%032x", runs.size() + 1);
        runs.put(runId, new Run(experimentId));
        ObjectNode reply = MAPPER.createObjectNode();
        reply.putObject("run").putObject("info").put("run_id", runId).put("run_uuid", runId)
                .put("experiment_id", experimentId).put("status", "RUNNING")
                .put("start_time", body.path("start_time").asLong());
        reply(exchange, 200, reply);
    }

    private void logBatch(HttpExchange exchange, JsonNode body) throws IOException {
        Run run = runs.get(body.path("run_id").asText());
        if (run == null) {
            error(exchange, 404, "RESOURCE_DOES_NOT_EXIST", "Run '" + body.path("run_id").asText() + "' not found");
            return;
        }
        int params = body.path("params").size();
        int metrics = body.path("metrics").size();
        if (params > 100 || metrics > 1000 || params + metrics > 1000) {
            error(exchange, 400, "INVALID_PARAMETER_VALUE", "A batch logging request can contain at most 100"
                    + " params and 1000 metrics, params and tags in total; got " + params + " params, " + metrics
                    + " metrics");
            return;
        }
        for (JsonNode metric : body.path("metrics")) {
            if (!metric.path("timestamp").isIntegralNumber() || !metric.path("value").isNumber()) {
                error(exchange, 400, "INVALID_PARAMETER_VALUE", "metric needs a number and a timestamp: " + metric);
                return;
            }
        }
        body.path("params").forEach(p -> run.params.put(p.path("key").asText(), p.path("value").asText()));
        body.path("metrics").forEach(m -> run.metrics.put(m.path("key").asText(), m.path("value").asDouble()));
        reply(exchange, 200, MAPPER.createObjectNode());
    }

    private void updateRun(HttpExchange exchange, JsonNode body) throws IOException {
        Run run = runs.get(body.path("run_id").asText());
        if (run == null) {
            error(exchange, 404, "RESOURCE_DOES_NOT_EXIST", "Run '" + body.path("run_id").asText() + "' not found");
            return;
        }
        run.status = body.path("status").asText();
        ObjectNode reply = MAPPER.createObjectNode();
        reply.putObject("run_info").put("run_id", body.path("run_id").asText()).put("status", run.status);
        reply(exchange, 200, reply);
    }

    private ObjectNode addVersion(String name, String source, Map<String, String> tags) {
        List<ObjectNode> list = versions.get(name);
        ObjectNode v = MAPPER.createObjectNode();
        v.put("name", name)
                .put("version", Integer.toString(list.size() + 1))
                .put("creation_timestamp", NOW + list.size())
                .put("last_updated_timestamp", NOW + list.size())
                .put("current_stage", "None")
                .put("description", "")
                .put("source", source)
                .put("run_id", "")
                .put("status", "READY");
        ArrayNode tagList = v.putArray("tags");
        tags.forEach((k, value) -> tagList.addObject().put("key", k).put("value", value));
        list.add(v);
        return v;
    }

    private void setAlias(HttpExchange exchange, JsonNode body) throws IOException {
        String name = body.path("name").asText();
        int version = Integer.parseInt(body.path("version").asText());
        List<ObjectNode> list = versions.get(name);
        if (list == null || version < 1 || version > list.size()) {
            error(exchange, 404, "RESOURCE_DOES_NOT_EXIST",
                    "Model Version (name=" + name + ", version=" + version + ") not found");
            return;
        }
        aliases.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(body.path("alias").asText(),
                Integer.toString(version));
        reply(exchange, 200, MAPPER.createObjectNode());
    }

    private void getByAlias(HttpExchange exchange, String name, String alias) throws IOException {
        String version = aliases.getOrDefault(name, Map.of()).get(alias);
        if (version == null) {
            error(exchange, 404, "RESOURCE_DOES_NOT_EXIST",
                    "Registered model alias " + alias + " not found.");
            return;
        }
        getVersion(exchange, name, version);
    }

    private void getVersion(HttpExchange exchange, String name, String version) throws IOException {
        List<ObjectNode> list = versions.getOrDefault(name, List.of());
        int n = Integer.parseInt(version);
        if (n < 1 || n > list.size()) {
            error(exchange, 404, "RESOURCE_DOES_NOT_EXIST",
                    "Model Version (name=" + name + ", version=" + version + ") not found");
            return;
        }
        ObjectNode reply = MAPPER.createObjectNode();
        reply.set("model_version", withAliases(name, list.get(n - 1)));
        reply(exchange, 200, reply);
    }

    private void search(HttpExchange exchange, Map<String, String> q) throws IOException {
        String filter = q.getOrDefault("filter", "");
        String name = filter.replaceFirst("^name='(.*)'$", "$1");
        List<ObjectNode> list = versions.getOrDefault(name, List.of());
        int from = q.containsKey("page_token") ? Integer.parseInt(q.get("page_token")) : 0;
        int to = Math.min(list.size(), from + pageSize);
        ObjectNode reply = MAPPER.createObjectNode();
        ArrayNode page = reply.putArray("model_versions");
        // Newest first, as MLflow's default ordering is not by version number.
        for (int i = to - 1; i >= from; i--) {
            page.add(withAliases(name, list.get(i)));
        }
        if (to < list.size()) {
            reply.put("next_page_token", Integer.toString(to));
        }
        reply(exchange, 200, reply);
    }

    private ObjectNode withAliases(String name, ObjectNode version) {
        ObjectNode copy = version.deepCopy();
        ArrayNode list = copy.putArray("aliases");
        aliases.getOrDefault(name, Map.of()).forEach((alias, v) -> {
            if (v.equals(version.path("version").asText())) {
                list.add(alias);
            }
        });
        return copy;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("error_code", code).put("message", message);
        reply(exchange, status, body);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
