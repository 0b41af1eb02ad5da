package io.fraudops.workers.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes a refusal the way the API's other errors read: JSON with the status, its reason and a
 * message saying what to change. Filters answer before any controller, so they cannot use exception
 * handlers.
 */
final class JsonRefusal {

  private final ObjectMapper json;

  JsonRefusal(ObjectMapper json) {
    this.json = json;
  }

  void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    write(response, status, message, Map.of());
  }

  void write(
      HttpServletResponse response, HttpStatus status, String message, Map<String, Object> details)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", status.getReasonPhrase());
    body.put("message", message);
    body.putAll(details);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
