package io.fraudops.workers.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 that say what the endpoint needs: the caller (or whoever reads its log) learns which
 * role to ask for instead of guessing from a bare status.
 */
final class AccessRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonRefusal refusal;
  private final List<String> challenges;

  /**
   * @param challenges the {@code WWW-Authenticate} values of the configured ways to authenticate
   */
  AccessRefusals(JsonRefusal refusal, List<String> challenges) {
    this.refusal = refusal;
    this.challenges = List.copyOf(challenges);
  }

  /** Not authenticated, or the credentials were wrong: 401. */
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    challenges.forEach(challenge -> response.addHeader(HttpHeaders.WWW_AUTHENTICATE, challenge));
    Optional<AccessRule> rule = AccessRules.ruleFor(request);
    String problem =
        e instanceof InvalidBearerTokenException
            ? "invalid bearer token (" + e.getMessage() + ")"
            : isCredentialFailure(e)
                ? "authentication failed (" + e.getMessage() + ")"
                : "authentication required";
    String needs =
        rule.map(r -> r.endpoint() + " needs " + r.requirement()).orElse(noRule(request));
    refusal.write(
        response,
        HttpStatus.UNAUTHORIZED,
        problem
            + ": "
            + needs
            + "; authenticate with "
            + String.join(" or ", challenges.stream().map(AccessRefusals::scheme).toList()),
        details(rule));
  }

  /** Authenticated, but without the role: 403. */
  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    if (who == null || who instanceof AnonymousAuthenticationToken) {
      commence(request, response, new InsufficientAuthenticationException("anonymous"));
      return;
    }
    Optional<AccessRule> rule = AccessRules.ruleFor(request);
    String roles =
        who.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .flatMap(a -> Role.ofAuthority(a).stream())
            .map(Role::name)
            .collect(Collectors.joining(", "));
    String message =
        "'"
            + who.getName()
            + "' (roles: "
            + (roles.isEmpty() ? "none" : roles)
            + ") may not call this: "
            + rule.map(r -> r.endpoint() + " needs " + r.requirement()).orElse(noRule(request));
    refusal.write(response, HttpStatus.FORBIDDEN, message, details(rule));
  }

  private static boolean isCredentialFailure(AuthenticationException e) {
    return !(e instanceof InsufficientAuthenticationException);
  }

  private static String noRule(HttpServletRequest request) {
    return "no access rule covers "
        + request.getMethod()
        + " "
        + request.getRequestURI()
        + ", so no one may call it";
  }

  private static Map<String, Object> details(Optional<AccessRule> rule) {
    Map<String, Object> details = new LinkedHashMap<>();
    rule.ifPresent(
        r -> {
          details.put("endpoint", r.endpoint());
          details.put("requiredRoles", r.roles().stream().map(Role::name).toList());
        });
    return details;
  }

  private static String scheme(String challenge) {
    return challenge.startsWith("Basic") ? "HTTP Basic" : "a bearer token";
  }
}
