package io.fraudops.workers.security;

/**
 * Neither users nor a JWT issuer is configured: the HTTP API would be open, so the application
 * stops.
 */
public final class NoAuthenticationConfiguredException extends IllegalStateException {

  static final String ACTION =
      "Configure users with BCrypt password hashes (fraud.security.users[0].name, .password-hash, .roles:"
          + " SCREEN, ANALYST or RISK), and/or the identity provider that issues JWTs"
          + " (spring.security.oauth2.resourceserver.jwt.issuer-uri or .jwk-set-uri, with"
          + " fraud.security.jwt.roles-claim). ./fraud serve generates local users by itself. See docs/security.md.";

  NoAuthenticationConfiguredException() {
    super(
        "No way to authenticate callers of the HTTP API is configured, and the API is never served open. "
            + ACTION);
  }
}
