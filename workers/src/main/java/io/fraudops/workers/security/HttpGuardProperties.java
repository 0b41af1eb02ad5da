package io.fraudops.workers.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what reaches a controller, whoever sends it.
 *
 * @param maxRequestSize the largest request body; a larger one is answered 413 before it is read (a
 *     payment is about 1 KB, a review verdict or an inference configuration a few)
 * @param allowedOrigins the only browser origins ({@code https://host[:port]}) whose requests are
 *     served; any other {@code Origin} header is refused. Empty: no browser page may call the API
 */
@ConfigurationProperties("fraud.http")
public record HttpGuardProperties(
    @DefaultValue("64KB") DataSize maxRequestSize, List<String> allowedOrigins) {

  public HttpGuardProperties {
    if (maxRequestSize == null || maxRequestSize.toBytes() <= 0) {
      throw new IllegalArgumentException(
          "fraud.http.max-request-size must be positive (got " + maxRequestSize + ")");
    }
    allowedOrigins =
        allowedOrigins == null
            ? List.of()
            : allowedOrigins.stream().map(HttpGuardProperties::origin).toList();
  }

  /**
   * The origin in the form browsers send it: lower-case scheme and host, no path, no trailing
   * slash.
   */
  static String origin(String value) {
    URI uri;
    try {
      uri = URI.create(value.strip());
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null
        || uri.getScheme() == null
        || uri.getHost() == null
        || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
        || uri.getQuery() != null
        || uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "fraud.http.allowed-origins: '"
              + value
              + "' is not an origin; write scheme://host[:port], e.g. https://review.example.com");
    }
    String origin =
        uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT);
    return uri.getPort() == -1 ? origin : origin + ":" + uri.getPort();
  }
}
