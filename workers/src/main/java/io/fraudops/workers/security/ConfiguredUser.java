package io.fraudops.workers.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A caller of the HTTP API known by name and password (HTTP Basic): a payment system, an analyst, a
 * risk owner. Only a BCrypt hash of the password is ever configured.
 *
 * @param name who calls; an analyst's name is what the audit records as the reviewer
 * @param passwordHash BCrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}), optionally prefixed {@code
 *     {bcrypt}}
 * @param roles what the caller may do
 */
public record ConfiguredUser(String name, String passwordHash, List<Role> roles) {

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");
  private static final String PREFIX = "{bcrypt}";

  public ConfiguredUser {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("fraud.security.users: every user needs a name");
    }
    if (name.contains(":") || name.length() > 64 || !name.equals(name.strip())) {
      throw new IllegalArgumentException(
          "fraud.security.users: user name '"
              + name
              + "' must be at most 64 characters, without ':' or surrounding blanks");
    }
    if (passwordHash == null || passwordHash.isBlank()) {
      throw new IllegalArgumentException(
          "fraud.security.users: user '" + name + "' needs a password-hash (BCrypt)");
    }
    passwordHash = passwordHash.strip();
    if (passwordHash.startsWith(PREFIX)) {
      passwordHash = passwordHash.substring(PREFIX.length());
    }
    if (!BCRYPT.matcher(passwordHash).matches()) {
      // Never echo the value: it may be the clear password someone put there by mistake.
      throw new IllegalArgumentException(
          "fraud.security.users: the password-hash of user '"
              + name
              + "' is not a BCrypt hash; configure the hash only, never the password"
              + " (e.g. htpasswd -nbBC 10 '' 'the password' | cut -d: -f2)");
    }
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException(
          "fraud.security.users: user '"
              + name
              + "' needs at least one role (SCREEN, ANALYST, RISK)");
    }
    roles = List.copyOf(roles);
  }

  @Override
  public String toString() {
    return name + " " + roles; // never the hash
  }
}
