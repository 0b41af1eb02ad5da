package io.fraudops.workers.security;

import static io.fraudops.workers.TestUsers.analyst;
import static io.fraudops.workers.TestUsers.riskOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fraudops.model.inference.InferenceConfigStore;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Resources;
import io.fraudops.workers.ServingFixture;
import io.fraudops.workers.scoring.ServingModel;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No page of another site can change what decides: the champion alias, the model served, the
 * configuration. A cross-site form post (the browser adds the risk owner's remembered credentials
 * and its Origin) is refused by the origin check; a form or body-less post from anywhere is refused
 * as not JSON; only a JSON request from no browser, from an allowed origin, or from a page of the
 * application's own origin (the review page), moves anything.
 */
@ApplicationTest
class StateChangeGuardTest {

  private static final String MODEL = ServingFixture.MODEL;
  private static final String CHAMPION = "/models/" + MODEL + "/aliases/champion";

  @Autowired MockMvc http;
  @Autowired ModelRegistry registry;
  @Autowired InferenceConfigStore configs;
  @Autowired ServingModel serving;

  @AfterEach
  void putBackTheSeededModel() {
    new ServingFixture(registry, configs, serving).restoreDefault();
  }

  @Test
  void aCrossSiteFormPostCannotMoveTheChampion() throws Exception {
    int other = registerAnotherVersion();

    // What a page on another site submits: a form, the Origin the browser adds, the credentials it
    // remembers.
    http.perform(
            post(CHAMPION)
                .with(riskOwner())
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("version=" + other))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.message")
                .value(
                    startsWith(
                        "cross-origin request refused: Origin https://evil.example is not one of fraud.http.allowed-origins")));
    // The same without credentials, and as JSON: the origin alone decides.
    http.perform(
            post(CHAMPION)
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": " + other + "}"))
        .andExpect(status().isForbidden());
    // Without an Origin (a script, a form the browser would not label): still no form, no query
    // parameter.
    http.perform(
            post(CHAMPION)
                .with(riskOwner())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("version=" + other))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(
            jsonPath("$.message")
                .value(
                    "POST takes a JSON body with Content-Type application/json (got application/x-www-form-urlencoded)"));
    http.perform(post(CHAMPION).with(riskOwner()).param("version", String.valueOf(other)))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(
            jsonPath("$.message")
                .value(
                    "POST takes a JSON body with Content-Type application/json (got no Content-Type)"));
    http.perform(
            post(CHAMPION)
                .with(riskOwner())
                .contentType(MediaType.TEXT_PLAIN)
                .content("{\"version\": " + other + "}"))
        .andExpect(status().isUnsupportedMediaType());
    assertThat(championVersion()).isEqualTo(1);

    http.perform(
            post(CHAMPION).with(riskOwner()).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(startsWith("version is required")));
    // A JSON request from the allowed origin (or from no browser at all) moves it.
    http.perform(
            post(CHAMPION)
                .with(riskOwner())
                .header(HttpHeaders.ORIGIN, ApplicationTest.ALLOWED_ORIGIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": " + other + "}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(other));
    assertThat(championVersion()).isEqualTo(other);
  }

  @Test
  void rollbackTakesTheVersionInAJsonBody() throws Exception {
    String latest = configs.latest().orElseThrow().versionId();
    int versions = configs.history().size();

    http.perform(post("/inference-config/rollback").with(riskOwner()).param("to", latest))
        .andExpect(status().isUnsupportedMediaType());
    http.perform(
            post("/inference-config/rollback")
                .with(riskOwner())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\": \" \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(startsWith("to is required")));
    assertThat(configs.history()).hasSize(versions);

    // Restoring the latest version keeps what is served and adds one version with its content.
    http.perform(
            post("/inference-config/rollback")
                .with(riskOwner())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\": \"" + latest + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.restoredFrom").value(latest));
    assertThat(configs.history()).hasSize(versions + 1);
  }

  @Test
  void aForeignOriginIsRefusedEvenForReadsAndTheAllowedOneGetsCors() throws Exception {
    http.perform(
            get("/inference-config")
                .with(riskOwner())
                .header(HttpHeaders.ORIGIN, "https://evil.example"))
        .andExpect(status().isForbidden());
    http.perform(
            options("/inference-config")
                .header(HttpHeaders.ORIGIN, ApplicationTest.ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization"))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ApplicationTest.ALLOWED_ORIGIN));
    http.perform(
            get("/inference-config")
                .with(riskOwner())
                .header(HttpHeaders.ORIGIN, ApplicationTest.ALLOWED_ORIGIN))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ApplicationTest.ALLOWED_ORIGIN));
  }

  @Test
  void aPageThisApplicationServesMayPostToItsOwnOrigin() throws Exception {
    // The review page posts from the API's own origin (MockMvc serves http://localhost); the review
    // is unknown,
    // so getting past the origin check shows as 404, not 403.
    http.perform(
            post("/reviews/999999999")
                .with(analyst())
                .header(HttpHeaders.ORIGIN, "http://localhost")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"DECLINE\", \"comment\": \"checked\"}"))
        .andExpect(status().isNotFound());
    // The same host on another port is another origin.
    http.perform(
            post("/reviews/999999999")
                .with(analyst())
                .header(HttpHeaders.ORIGIN, "http://localhost:8081")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"DECLINE\", \"comment\": \"checked\"}"))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.message")
                .value(startsWith("cross-origin request refused: Origin http://localhost:8081")));
  }

  private int registerAnotherVersion() {
    ModelMetadata sidecar =
        ModelMetadata.read(Resources.bytes("models/demo-fraud-model.json.meta.json"), "demo");
    return registry
        .register(
            MODEL,
            Resources.bytes("models/demo-fraud-model.json"),
            ModelFormat.JSON,
            sidecar,
            Map.of())
        .version();
  }

  private int championVersion() {
    return registry.resolve(MODEL, "champion").orElseThrow().version();
  }
}
