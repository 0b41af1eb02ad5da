package io.fraudops.workers.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.model.inference.InferenceConfigStore;
import io.fraudops.model.inference.InferenceConfigStore.Revision;
import io.fraudops.model.inference.InvalidInferenceConfigException;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.registry.ModelRegistryException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inference configuration and the registry aliases over HTTP, for a local run whose S3 store
 * lives in memory (against MinIO or S3, {@code mc cp} of the config object or MLflow's UI do the
 * same).
 */
@RestController
@ConditionalOnProperty(name = "fraud.model.registry.enabled", havingValue = "true")
class InferenceConfigController {

  private final ObjectProvider<InferenceConfigStore> store;
  private final ServingPoller poller;
  private final ModelRegistry registry;
  private final ObjectMapper json;

  InferenceConfigController(
      ObjectProvider<InferenceConfigStore> store,
      ServingPoller poller,
      ModelRegistry registry,
      ObjectMapper json) {
    this.store = store;
    this.poller = poller;
    this.registry = registry;
    this.json = json;
  }

  /** What is served, the latest stored configuration, and every version of it (newest first). */
  @GetMapping("/inference-config")
  Map<String, Object> show() throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("serving", poller.status());
    InferenceConfigStore configs = store.getIfAvailable();
    if (configs == null) {
      out.put("store", NO_STORE);
      return out;
    }
    Revision latest = configs.latest().orElse(null);
    out.put("latestVersion", latest == null ? null : latest.versionId());
    out.put("latest", latest == null ? null : json.readTree(latest.json()));
    out.put("history", configs.history());
    return out;
  }

  @GetMapping("/inference-config/versions/{versionId}")
  ResponseEntity<JsonNode> version(@PathVariable String versionId) throws IOException {
    Revision revision = configs().revision(versionId).orElse(null);
    return revision == null
        ? ResponseEntity.notFound().build()
        : ResponseEntity.ok(json.readTree(revision.json()));
  }

  /**
   * Stores a new version; the workers pick it up at their next poll, or keep the live one if it
   * fails.
   */
  @PutMapping(value = "/inference-config", consumes = "application/json")
  ResponseEntity<Map<String, String>> publish(@RequestBody byte[] body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("versionId", configs().publish(body)));
  }

  /** Rolls back: the given earlier version's content becomes the newest version. */
  @PostMapping("/inference-config/rollback")
  Map<String, String> rollback(@RequestBody Rollback rollback) {
    return Map.of("versionId", configs().restore(rollback.to()), "restoredFrom", rollback.to());
  }

  private static final String NO_STORE =
      "none: without fraud.model.registry.endpoint (an S3 store with versioning) there is no stored configuration;"
          + " the workers serve fraud.model.registry.model-name at fraud.model.registry.alias";

  private InferenceConfigStore configs() {
    InferenceConfigStore configs = store.getIfAvailable();
    if (configs == null) {
      throw new NoConfigStoreException();
    }
    return configs;
  }

  /** The configuration cannot be changed: no store is configured. */
  static class NoConfigStoreException extends RuntimeException {
    NoConfigStoreException() {
      super("the inference configuration cannot be changed: " + NO_STORE);
    }
  }

  @ExceptionHandler(NoConfigStoreException.class)
  ResponseEntity<Map<String, String>> noStore(NoConfigStoreException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
  }

  @GetMapping("/models/{name}/versions")
  List<?> versions(@PathVariable String name) {
    return registry.versions(name);
  }

  /** Promotes (or rolls back) a model: moves the alias to an existing version. */
  @PostMapping("/models/{name}/aliases/{alias}")
  Map<String, Object> setAlias(
      @PathVariable String name, @PathVariable String alias, @RequestBody AliasMove move) {
    registry.setAlias(name, alias, move.version());
    return Map.of("model", name, "alias", alias, "version", move.version());
  }

  @ExceptionHandler(InvalidInferenceConfigException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInferenceConfigException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("error", e.getMessage(), "problems", e.problems()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() == null) {
      return ResponseEntity.badRequest().body(Map.of("error", "a JSON body is required"));
    }
    // The request records validate themselves; show their message, not Jackson's wrapper.
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(cause.getMessage())));
  }

  @ExceptionHandler({IllegalArgumentException.class, ModelRegistryException.class})
  ResponseEntity<Map<String, String>> refused(RuntimeException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  /** The body of an alias move: {@code {"version": 3}}. */
  record AliasMove(Integer version) {
    AliasMove {
      if (version == null || version < 1) {
        throw new IllegalArgumentException(
            "version is required: the model version the alias should point at, e.g. {\"version\": 3} (got "
                + version
                + ")");
      }
    }
  }

  /**
   * The body of a rollback: {@code {"to": "<versionId>"}}, a version listed in the configuration's
   * history.
   */
  record Rollback(String to) {
    Rollback {
      if (to == null || to.isBlank()) {
        throw new IllegalArgumentException(
            "to is required: the configuration version to restore, e.g. {\"to\": \"<versionId>\"} from GET /inference-config");
      }
    }
  }
}
