package io.fraudops.workers.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.lang.Nullable;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One line of {@link AccessRules}: requests with this method and path need one of these roles, or
 * none at all when the rule is open (health probes, metric scraping).
 */
public final class AccessRule {

  private final HttpMethod method;
  private final String pattern;
  private final Set<Role> roles;
  private final RequestMatcher matcher;

  private AccessRule(@Nullable HttpMethod method, String pattern, Set<Role> roles) {
    if (pattern == null || !pattern.startsWith("/")) {
      throw new IllegalArgumentException(
          "an access rule's path pattern must start with / (got " + pattern + ")");
    }
    this.method = method;
    this.pattern = pattern;
    this.roles = roles;
    // The same path-pattern syntax and matching as Spring MVC's mappings, so a rule reads like the
    // mapping it covers.
    this.matcher = PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  /** Requests to {@code pattern} with {@code method} (null: any) need one of {@code roles}. */
  static AccessRule allow(@Nullable HttpMethod method, String pattern, Role role, Role... more) {
    return new AccessRule(method, pattern, EnumSet.of(role, more));
  }

  /** Requests to {@code pattern} with {@code method} (null: any) need no authentication. */
  static AccessRule open(@Nullable HttpMethod method, String pattern) {
    return new AccessRule(method, pattern, Set.of());
  }

  public boolean isOpen() {
    return roles.isEmpty();
  }

  /** The roles that may call, in declaration order; empty when open. */
  public List<Role> roles() {
    return roles.stream().sorted().toList();
  }

  public RequestMatcher matcher() {
    return matcher;
  }

  /** E.g. {@code POST /reviews/{key}}, {@code * /actuator/**}. */
  public String endpoint() {
    return (method == null ? "*" : method.name()) + " " + pattern;
  }

  /**
   * What a caller needs, in words: {@code role ANALYST} or {@code one of the roles ANALYST, RISK}.
   */
  public String requirement() {
    if (isOpen()) {
      return "no authentication";
    }
    List<Role> sorted = roles();
    return sorted.size() == 1
        ? "role " + sorted.get(0)
        : "one of the roles " + sorted.stream().map(Role::name).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return endpoint() + " -> " + requirement();
  }
}
