package io.fraudops.workers.bench;

import java.net.URI;

/** Endpoints as they may be printed: a benchmark report gets pasted into tickets and chats. */
final class Masking {

  private Masking() {}

  /** {@code redis://user:secret@host:port} becomes {@code redis://user:***@host:port}. */
  static String redisUrl(String url) {
    URI uri = URI.create(url);
    String info = uri.getRawUserInfo();
    if (info == null) {
      return url;
    }
    // A lone userinfo is the password (redis://secret@host), as the workers read it.
    int colon = info.indexOf(':');
    String masked = colon >= 0 ? info.substring(0, colon) + ":***" : "***";
    return url.replace(info + "@", masked + "@");
  }

  /** Masks {@code password=...} in a JDBC URL's parameters, and {@code user:password@} if present. */
  static String jdbcUrl(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/:@]*):[^/@]*@", "//$1:***@");
  }
}
