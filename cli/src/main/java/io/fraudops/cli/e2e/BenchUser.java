package io.fraudops.cli.e2e;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The payment system the bench plays: a user of its own with the SCREEN role and a password made
 * for this run, configured as any deployment configures users (a BCrypt hash), so the bench neither
 * needs nor prints the local users' passwords.
 */
record BenchUser(String name, String password) {

  static final String NAME = "bench-payment-system";

  static BenchUser generate() {
    byte[] secret = new byte[18];
    new SecureRandom().nextBytes(secret);
    return new BenchUser(NAME, HexFormat.of().formatHex(secret));
  }

  /** As {@code fraud.security.users[0]}: the only user of the run. */
  Map<String, Object> properties() {
    return Map.of(
        "fraud.security.users[0].name",
        name,
        "fraud.security.users[0].password-hash",
        new BCryptPasswordEncoder().encode(password),
        "fraud.security.users[0].roles",
        "SCREEN");
  }

  /** The value of the {@code Authorization} header (HTTP Basic). */
  String authorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return name; // never the password
  }
}
