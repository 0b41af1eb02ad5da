package io.fraudops.workers.security;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the HTTP API. Configure users, or a JWT issuer ({@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code .jwk-set-uri}), or both; with
 * neither the application does not start (see docs/security.md). Under {@code ./fraud} the local
 * runtime generates three users when none are configured.
 *
 * @param users callers known by name and BCrypt password hash (HTTP Basic)
 * @param jwt how a token from the identity provider becomes a name and roles
 */
@ConfigurationProperties("fraud.security")
public record ApiSecurityProperties(List<ConfiguredUser> users, @DefaultValue Jwt jwt) {

  public ApiSecurityProperties {
    users = users == null ? List.of() : List.copyOf(users);
    Set<String> names = new HashSet<>();
    for (ConfiguredUser user : users) {
      if (!names.add(user.name())) {
        throw new IllegalArgumentException(
            "fraud.security.users: user '" + user.name() + "' is configured twice");
      }
    }
  }

  /**
   * @param rolesClaim where the token lists the caller's roles or groups, a dotted path into the
   *     claims: {@code realm_access.roles} (Keycloak realm roles), {@code groups}, {@code
   *     resource_access.fraud.roles}
   * @param principalClaim the claim that names the caller (an analyst's name goes into the audit);
   *     {@code sub} when the token lacks it
   * @param roleMapping for each of our roles, the token's role or group names that grant it; a role
   *     without an entry is granted by its own name in any letter case ({@code analyst})
   */
  public record Jwt(
      @DefaultValue("realm_access.roles") String rolesClaim,
      @DefaultValue("preferred_username") String principalClaim,
      Map<Role, List<String>> roleMapping) {

    public Jwt {
      if (rolesClaim == null || rolesClaim.isBlank()) {
        throw new IllegalArgumentException(
            "fraud.security.jwt.roles-claim must name the claim that lists roles");
      }
      if (principalClaim == null || principalClaim.isBlank()) {
        throw new IllegalArgumentException(
            "fraud.security.jwt.principal-claim must name the claim that names the caller");
      }
      roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    }
  }
}
