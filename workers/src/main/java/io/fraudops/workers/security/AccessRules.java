package io.fraudops.workers.security;

import static io.fraudops.workers.security.AccessRule.allow;
import static io.fraudops.workers.security.AccessRule.open;
import static io.fraudops.workers.security.Role.ANALYST;
import static io.fraudops.workers.security.Role.RISK;
import static io.fraudops.workers.security.Role.SCREEN;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * Who may call which endpoint: the one place that says so. A new endpoint gets its line here, or no
 * one may call it (every request no rule covers is refused); {@code AccessRulesCoverageTest} fails
 * for a controller mapping without a line. The first matching rule decides, so a specific path
 * comes before the wildcard that would also cover it.
 */
public final class AccessRules {

  public static final List<AccessRule> RULES =
      List.of(
          // The payment system: submit a payment, read its state.
          allow(POST, "/transactions", SCREEN),
          allow(GET, "/transactions/{id}", SCREEN),
          // Chargebacks come from the payment system or the risk team's back office.
          allow(POST, "/chargebacks", SCREEN, RISK),
          // Analysts work the review inbox.
          allow(GET, "/reviews", ANALYST),
          allow(GET, "/reviews/{key}", ANALYST),
          allow(POST, "/reviews/{key}", ANALYST),
          // The review page of local runs (static files and the form; it decides through POST
          // /reviews/{key}).
          allow(GET, "/review/**", ANALYST),
          // Risk and model owners change what decides; analysts may read it.
          allow(GET, "/inference-config", RISK, ANALYST),
          allow(GET, "/inference-config/versions/{versionId}", RISK, ANALYST),
          allow(PUT, "/inference-config", RISK),
          allow(POST, "/inference-config/rollback", RISK),
          allow(GET, "/models/**", RISK, ANALYST),
          allow(POST, "/models/{name}/aliases/{alias}", RISK),
          allow(POST, "/models/**", RISK), // registering a model version
          allow(GET, "/drift/**", RISK, ANALYST),
          // Probes and scraping stay open (a health status and metrics, no payment data); the rest
          // of the
          // actuator (metrics by tag, info, loggers…) is the operator's.
          open(GET, "/actuator/health/**"),
          open(GET, "/actuator/prometheus"),
          allow(null, "/actuator/**", RISK),
          // Where the servlet container forwards a failed request; it only shows that request's
          // error.
          open(null, "/error"));

  private AccessRules() {}

  /** The rule that decides this request, empty when none covers it (then it is refused). */
  public static Optional<AccessRule> ruleFor(HttpServletRequest request) {
    return RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
  }
}
