package io.fraudops.workers.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Refuses a request that a browser sent from a page of another site. Browsers put an {@code Origin}
 * header on every cross-origin request and on every POST, and a page cannot remove or forge it;
 * payment systems, scripts and probes send none. So a form on another site that targets this API,
 * riding on credentials the browser remembers, is refused here before any authentication or handler
 * runs.
 *
 * <p>A page this application serves itself (the local review page, {@code /review/}) is of the same
 * origin as the API: its POST carries that origin and passes, as it would in any browser's own
 * same-origin policy.
 */
final class OriginCheck extends OncePerRequestFilter {

  private final Set<String> allowed;
  private final JsonRefusal refusal;

  OriginCheck(Set<String> allowed, JsonRefusal refusal) {
    this.allowed = Set.copyOf(allowed);
    this.refusal = refusal;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null || allowed.contains(normalised(origin)) || sameOrigin(request)) {
      chain.doFilter(request, response);
      return;
    }
    refusal.write(
        response,
        HttpStatus.FORBIDDEN,
        "cross-origin request refused: Origin "
            + origin
            + " is not one of fraud.http.allowed-origins"
            + (allowed.isEmpty() ? " (none configured)" : " " + allowed));
  }

  /** The Origin names this application's own scheme, host and port (as the request reached it). */
  private static boolean sameOrigin(HttpServletRequest request) {
    try {
      return WebUtils.isSameOrigin(new ServletServerHttpRequest(request));
    } catch (IllegalArgumentException unparsable) {
      return false;
    }
  }

  private static String normalised(String origin) {
    String value = origin.strip().toLowerCase(Locale.ROOT);
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
