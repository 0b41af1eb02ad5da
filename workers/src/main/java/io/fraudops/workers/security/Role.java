package io.fraudops.workers.security;

import java.util.Locale;
import java.util.Optional;

/** What a caller of the HTTP API may do; {@link AccessRules} says which endpoint needs which. */
public enum Role {
  /** The payment system: screens payments and reads their status. */
  SCREEN,
  /** Analysts: list and decide reviews; read the models, the inference configuration and drift. */
  ANALYST,
  /**
   * Risk and model owners: change what decides (configuration, aliases, rollback), the operator's
   * actuator.
   */
  RISK;

  /** The granted authority Spring Security checks, {@code ROLE_<name>}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The role of an authority string ({@code ROLE_ANALYST}), if it is one of ours. */
  static Optional<Role> ofAuthority(String authority) {
    return authority != null && authority.startsWith("ROLE_")
        ? named(authority.substring(5))
        : Optional.empty();
  }

  /** The role with this name in any letter case, if there is one. */
  static Optional<Role> named(String name) {
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
