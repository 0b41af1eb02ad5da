package io.fraudops.feature.connection;

import java.net.URI;

/**
 * Endpoints as they may be printed or logged: output gets pasted into tickets and chats, so a
 * password never appears in it. The one redaction helper of the project.
 */
public final class Credentials {

  private static final String MASK = "***";

  private Credentials() {}

  /**
   * Masks the password of any URL: {@code redis://user:secret@host} becomes {@code
   * redis://user:***@host}, a lone userinfo ({@code redis://secret@host}, a password for Redis)
   * becomes {@code ***}, and JDBC's {@code password=} parameters are masked too.
   */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String masked = url.replaceAll("(?i)(password=)[^&;]*", "$1" + MASK);
    int scheme = masked.indexOf("://");
    if (scheme < 0) {
      return masked;
    }
    int hostStart = scheme + 3;
    int at = masked.indexOf('@', hostStart);
    int slash = masked.indexOf('/', hostStart);
    if (at < 0 || (slash >= 0 && slash < at)) {
      return masked;
    }
    String userInfo = masked.substring(hostStart, at);
    int colon = userInfo.indexOf(':');
    String redacted = colon >= 0 ? userInfo.substring(0, colon) + ":" + MASK : MASK;
    return masked.substring(0, hostStart) + redacted + masked.substring(at);
  }

  /** Only scheme, host and port: for a line that needs no more. */
  public static String hostOnly(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
  }
}
