package io.fraudops.workers.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.workers.ApplicationTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint a controller maps has its line in {@link AccessRules}: a new endpoint without one
 * fails here (and is refused to everyone at run time) instead of being discovered by a caller.
 */
@ApplicationTest
class AccessRulesCoverageTest {

  private static final Set<RequestMethod> ANY_METHOD =
      EnumSet.of(
          RequestMethod.GET,
          RequestMethod.POST,
          RequestMethod.PUT,
          RequestMethod.PATCH,
          RequestMethod.DELETE);

  @Autowired ApplicationContext context;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyControllerMappingIsCoveredByARoleRule() {
    List<String> checked = new ArrayList<>();
    List<String> uncovered = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (RequestMethod method : methods.isEmpty() ? ANY_METHOD : methods) {
        for (String pattern : info.getPatternValues()) {
          String endpoint = method + " " + pattern;
          checked.add(endpoint);
          Optional<AccessRule> rule =
              AccessRules.ruleFor(new MockHttpServletRequest(method.name(), example(pattern)));
          if (rule.isEmpty()) {
            uncovered.add(endpoint);
          } else if (rule.get().isOpen()) {
            open.add(pattern);
          }
        }
      }
    }

    // Guards against a vacuous pass: the app's own endpoints were enumerated.
    assertThat(checked)
        .contains(
            "POST /reviews/{key}", "POST /models/{name}/aliases/{alias}", "PUT /inference-config");
    assertThat(uncovered).as("controller mappings without a line in AccessRules").isEmpty();
    assertThat(open).as("controller mappings open to anyone").containsOnly("/error");
  }

  /**
   * Paths served without a controller (static files, redirects and forwards: the review page) have
   * their line too. Spring's default static locations are off (spring.web.resources.add-mappings),
   * so whatever is listed here was registered on purpose.
   */
  @Test
  void everyUrlMappingIsCoveredByARoleRule() {
    List<String> checked = new ArrayList<>();
    List<String> uncovered = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (AbstractUrlHandlerMapping mapping :
        context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
      for (String pattern : mapping.getHandlerMap().keySet()) {
        checked.add(pattern);
        Optional<AccessRule> rule =
            AccessRules.ruleFor(new MockHttpServletRequest("GET", example(pattern)));
        if (rule.isEmpty()) {
          uncovered.add(pattern);
        } else if (rule.get().isOpen()) {
          open.add(pattern);
        }
      }
    }

    assertThat(checked)
        .as("the review page's paths were enumerated")
        .contains("/review", "/review/", "/review/**");
    assertThat(checked).as("no default static location").doesNotContain("/**", "/webjars/**");
    assertThat(uncovered).as("URL mappings without a line in AccessRules").isEmpty();
    assertThat(open).as("URL mappings open to anyone").isEmpty();
  }

  @Test
  void theTableSaysWhoMayCallEachEndpoint() {
    assertThat(rule("POST", "/transactions").roles()).containsExactly(Role.SCREEN);
    assertThat(rule("GET", "/transactions/T-1").roles()).containsExactly(Role.SCREEN);
    assertThat(rule("POST", "/reviews/42").roles()).containsExactly(Role.ANALYST);
    assertThat(rule("GET", "/review").roles()).containsExactly(Role.ANALYST);
    assertThat(rule("GET", "/review/vendor/form-js/form-viewer.umd.js").roles())
        .containsExactly(Role.ANALYST);
    assertThat(AccessRules.ruleFor(new MockHttpServletRequest("POST", "/review/index.html")))
        .isEmpty();
    assertThat(rule("POST", "/models/m/aliases/champion").roles()).containsExactly(Role.RISK);
    assertThat(rule("POST", "/models/m/versions").roles()).containsExactly(Role.RISK);
    assertThat(rule("GET", "/models/m/versions").roles()).containsExactly(Role.ANALYST, Role.RISK);
    assertThat(rule("POST", "/inference-config/rollback").roles()).containsExactly(Role.RISK);
    assertThat(rule("GET", "/actuator/health/readiness").isOpen()).isTrue();
    assertThat(rule("GET", "/actuator/prometheus").isOpen()).isTrue();
    assertThat(rule("POST", "/actuator/loggers/io.fraudops").roles()).containsExactly(Role.RISK);
    assertThat(AccessRules.ruleFor(new MockHttpServletRequest("DELETE", "/reviews/42"))).isEmpty();
  }

  private static AccessRule rule(String method, String path) {
    return AccessRules.ruleFor(new MockHttpServletRequest(method, path)).orElseThrow();
  }

  /** A concrete path the pattern matches: each variable and wildcard replaced by a value. */
  private static String example(String pattern) {
    return pattern
        .replaceAll("\\{\\*[^}]+}", "x/y")
        .replaceAll("\\{[^}]+}", "1")
        .replace("**", "x/y")
        .replace("*", "x");
  }
}
