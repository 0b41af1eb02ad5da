package io.fraudops.workers.security;

import static io.fraudops.workers.security.Role.ANALYST;
import static io.fraudops.workers.security.Role.RISK;
import static io.fraudops.workers.security.Role.SCREEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.TestUsers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Each endpoint, called by nobody, by each role's user: 401 without credentials, 403 with the wrong
 * role, the endpoint's own answer with the right one; both refusals name the role needed. The
 * allowed calls are chosen so they change nothing (an unknown review, a version that does not
 * exist).
 */
@ApplicationTest
class EndpointAccessTest {

  /**
   * A call and what a permitted caller gets: a status, or 0 for "whatever the endpoint answers".
   */
  record Call(HttpMethod method, String path, String body, Set<Role> allowed, int permittedStatus) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final Map<Role, RequestPostProcessor> USERS =
      Map.of(
          SCREEN,
          TestUsers.paymentSystem(),
          ANALYST,
          TestUsers.analyst(),
          RISK,
          TestUsers.riskOwner());
  private static final Map<Role, String> NAMES =
      Map.of(
          SCREEN, TestUsers.PAYMENT_SYSTEM, ANALYST, TestUsers.ANALYST, RISK, TestUsers.RISK_OWNER);

  @Autowired MockMvc http;
  @Autowired ObjectMapper json;

  static Stream<Call> protectedCalls() {
    return Stream.of(
        // not JSON: refused before a process instance is started (the intake answers, not security)
        new Call(HttpMethod.POST, "/transactions", "not json", EnumSet.of(SCREEN), 0),
        new Call(HttpMethod.GET, "/transactions/T-unknown", null, EnumSet.of(SCREEN), 0),
        new Call(
            HttpMethod.POST,
            "/chargebacks",
            "{\"transactionId\": \"T-unknown\", \"reason\": \"fraud\", \"date\": \"2026-01-02\"}",
            EnumSet.of(SCREEN, RISK),
            404),
        new Call(HttpMethod.GET, "/reviews", null, EnumSet.of(ANALYST), 200),
        new Call(HttpMethod.GET, "/reviews/1", null, EnumSet.of(ANALYST), 404),
        new Call(
            HttpMethod.POST,
            "/reviews/1",
            "{\"decision\": \"APPROVE\", \"comment\": \"checked\"}",
            EnumSet.of(ANALYST),
            404),
        new Call(HttpMethod.GET, "/inference-config", null, EnumSet.of(ANALYST, RISK), 200),
        new Call(
            HttpMethod.GET,
            "/inference-config/versions/no-such-version",
            null,
            EnumSet.of(ANALYST, RISK),
            0),
        new Call(HttpMethod.PUT, "/inference-config", "{\"models\": 3}", EnumSet.of(RISK), 400),
        new Call(
            HttpMethod.POST,
            "/inference-config/rollback",
            "{\"to\": \"no-such-version\"}",
            EnumSet.of(RISK),
            0),
        new Call(
            HttpMethod.GET,
            "/models/demo-fraud-model/versions",
            null,
            EnumSet.of(ANALYST, RISK),
            200),
        new Call(
            HttpMethod.POST,
            "/models/demo-fraud-model/aliases/champion",
            "{\"version\": 999}",
            EnumSet.of(RISK),
            400),
        new Call(HttpMethod.GET, "/drift", null, EnumSet.of(ANALYST, RISK), 200),
        new Call(HttpMethod.GET, "/drift/table", null, EnumSet.of(ANALYST, RISK), 200),
        new Call(HttpMethod.GET, "/actuator", null, EnumSet.of(RISK), 200),
        new Call(HttpMethod.GET, "/actuator/metrics", null, EnumSet.of(RISK), 200),
        new Call(HttpMethod.GET, "/actuator/info", null, EnumSet.of(RISK), 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protectedCalls")
  void answers401WithoutCredentials403WithTheWrongRoleAndServesTheRightOne(Call call)
      throws Exception {
    MockHttpServletResponse anonymous = perform(call, null);
    assertThat(anonymous.getStatus()).as("anonymous").isEqualTo(401);
    assertThat(anonymous.getHeaders(HttpHeaders.WWW_AUTHENTICATE))
        .containsExactly("Basic realm=\"fraud-screening\"", "Bearer realm=\"fraud-screening\"");
    JsonNode unauthorized = json.readTree(anonymous.getContentAsString());
    assertThat(unauthorized.path("message").asText())
        .startsWith("authentication required: ")
        .contains(" needs ");
    assertThat(roles(unauthorized)).containsExactlyInAnyOrderElementsOf(names(call.allowed()));

    for (Role role : Role.values()) {
      MockHttpServletResponse response = perform(call, USERS.get(role));
      if (call.allowed().contains(role)) {
        assertThat(response.getStatus()).as("%s as %s", call, role).isNotIn(401, 403);
        if (call.permittedStatus() != 0) {
          assertThat(response.getStatus())
              .as("%s as %s", call, role)
              .isEqualTo(call.permittedStatus());
        }
      } else {
        assertThat(response.getStatus()).as("%s as %s", call, role).isEqualTo(403);
        JsonNode forbidden = json.readTree(response.getContentAsString());
        assertThat(forbidden.path("message").asText())
            .startsWith("'" + NAMES.get(role) + "' (roles: " + role + ") may not call this: ")
            .contains(
                call.allowed().size() == 1
                    ? "needs role " + call.allowed().iterator().next()
                    : "needs one of the roles");
        assertThat(roles(forbidden)).containsExactlyInAnyOrderElementsOf(names(call.allowed()));
      }
    }
  }

  @Test
  void probesAndScrapingNeedNoCredentials() throws Exception {
    for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
      assertThat(http.perform(request(HttpMethod.GET, path)).andReturn().getResponse().getStatus())
          .as(path)
          .isEqualTo(200);
    }
  }

  @Test
  void aWrongPasswordIsRefusedAndSaysSo() throws Exception {
    MockHttpServletResponse response =
        http.perform(
                request(HttpMethod.GET, "/reviews")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.httpBasic(
                            TestUsers.ANALYST, "not-the-password")))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(json.readTree(response.getContentAsString()).path("message").asText())
        .startsWith("authentication failed (Bad credentials): GET /reviews needs role ANALYST");
  }

  @Test
  void anEndpointWithoutARuleIsRefusedToEveryone() throws Exception {
    assertThat(
            http.perform(request(HttpMethod.GET, "/no-such-endpoint"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(401);
    MockHttpServletResponse risk =
        http.perform(request(HttpMethod.DELETE, "/reviews/1").with(TestUsers.riskOwner()))
            .andReturn()
            .getResponse();
    assertThat(risk.getStatus()).isEqualTo(403);
    assertThat(json.readTree(risk.getContentAsString()).path("message").asText())
        .endsWith("no access rule covers DELETE /reviews/1, so no one may call it");
  }

  private MockHttpServletResponse perform(Call call, RequestPostProcessor user) throws Exception {
    MockHttpServletRequestBuilder request = request(call.method(), call.path());
    if (call.body() != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(call.body());
    }
    if (user != null) {
      request.with(user);
    }
    return http.perform(request).andReturn().getResponse();
  }

  private static List<String> roles(JsonNode body) {
    List<String> roles = new ArrayList<>();
    body.path("requiredRoles").forEach(role -> roles.add(role.asText()));
    return roles;
  }

  private static List<String> names(Set<Role> roles) {
    return roles.stream().map(Role::name).toList();
  }
}
