package io.fraudops.workers.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
import io.fraudops.workers.ApplicationTest;
import io.fraudops.workers.Eventually;
import io.fraudops.workers.Payments;
import io.fraudops.workers.TestIdentityProvider;
import io.fraudops.workers.audit.DecisionAudit;
import io.fraudops.workers.audit.DecisionRecord;
import io.fraudops.workers.process.FinalOutcome;
import io.fraudops.workers.review.PendingReview;
import io.fraudops.workers.review.ReviewInbox;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Tokens from the identity provider, signed and checked for real: the realm roles map to ours, the
 * token's user is the one the audit names, and a forged or expired token is refused.
 */
@ApplicationTest
class JwtAccessTest {

  @Autowired MockMvc http;
  @Autowired TestIdentityProvider idp;
  @Autowired CamundaClient client;
  @Autowired ReviewInbox inbox;
  @Autowired DecisionAudit audit;

  @Test
  void realmRolesMapToTheApplicationsRoles() throws Exception {
    http.perform(
            get("/reviews")
                .header(
                    HttpHeaders.AUTHORIZATION,
                    bearer(idp.token("jill", "fraud-analyst", "offline_access"))))
        .andExpect(status().isOk());
    http.perform(
            get("/actuator/metrics")
                .header(HttpHeaders.AUTHORIZATION, bearer(idp.token("rick", "fraud-risk"))))
        .andExpect(status().isOk());
    // SCREEN has no mapping: the realm role of that name grants it.
    http.perform(
            get("/reviews")
                .header(HttpHeaders.AUTHORIZATION, bearer(idp.token("payments", "screen"))))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.message")
                .value(
                    startsWith(
                        "'payments' (roles: SCREEN) may not call this: GET /reviews needs role ANALYST")));
    // A realm role that maps to nothing grants nothing.
    http.perform(
            get("/reviews")
                .header(HttpHeaders.AUTHORIZATION, bearer(idp.token("eve", "analyst-trainee"))))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.message").value(startsWith("'eve' (roles: none) may not call this")));
  }

  @Test
  void aForgedOrExpiredTokenIsRefused() throws Exception {
    http.perform(
            get("/reviews")
                .header(
                    HttpHeaders.AUTHORIZATION,
                    bearer(idp.tokenSignedByAnotherKey("jill", "fraud-analyst"))))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.message").value(startsWith("invalid bearer token (")));
    http.perform(
            get("/reviews")
                .header(
                    HttpHeaders.AUTHORIZATION, bearer(idp.expiredToken("jill", "fraud-analyst"))))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("expired")));
    http.perform(get("/reviews").header(HttpHeaders.AUTHORIZATION, bearer("not.a.token")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void theTokensUserIsTheReviewerTheAuditNames() throws Exception {
    Map<String, Object> payment = Payments.payment(Payments.newCustomer(), 700.0);
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("transaction-screening")
            .latestVersion()
            .variables(Map.of("transaction", payment, "receivedAt", System.currentTimeMillis()))
            .send()
            .join()
            .getProcessInstanceKey();
    PendingReview review =
        Eventually.get(
            "a review of instance " + instance,
            Duration.ofSeconds(30),
            () ->
                inbox.pending().stream()
                    .filter(r -> r.processInstanceKey() == instance)
                    .findFirst());

    http.perform(
            post("/reviews/" + review.key())
                .header(HttpHeaders.AUTHORIZATION, bearer(idp.token("jill", "fraud-analyst")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"DECLINE\", \"comment\": \"card reported stolen\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reviewedBy").value("jill"));

    DecisionRecord decision =
        Eventually.get(
            "the decision",
            Duration.ofSeconds(30),
            () -> audit.find((String) payment.get("transactionId")));
    assertThat(decision.outcome()).isEqualTo(FinalOutcome.DECLINED);
    assertThat(decision.decidedBy()).isEqualTo("jill");
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }
}
