package io.fraudops.workers.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request that changes state carries a JSON body, declared as such: 415 otherwise. An HTML
 * form can only send {@code application/x-www-form-urlencoded}, {@code multipart/form-data} or
 * {@code text/plain}, and a page that wants to send JSON to another site must first ask it (a CORS
 * preflight this API never grants); so no page of another site can change anything here, even
 * without the {@link OriginCheck}. GET never changes state: the controllers map reads only.
 */
final class JsonOnlyStateChanges extends OncePerRequestFilter {

  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private final JsonRefusal refusal;

  JsonOnlyStateChanges(JsonRefusal refusal) {
    this.refusal = refusal;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!STATE_CHANGING.contains(request.getMethod()) || isJson(request.getContentType())) {
      chain.doFilter(request, response);
      return;
    }
    String got = request.getContentType() == null ? "no Content-Type" : request.getContentType();
    refusal.write(
        response,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        request.getMethod()
            + " takes a JSON body with Content-Type application/json (got "
            + got
            + ")");
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardSubtype()
          || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
