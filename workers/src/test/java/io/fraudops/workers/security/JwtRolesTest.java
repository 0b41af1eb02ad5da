package io.fraudops.workers.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtRolesTest {

  private static final ApiSecurityProperties.Jwt KEYCLOAK =
      new ApiSecurityProperties.Jwt("realm_access.roles", "preferred_username", null);

  @Test
  void readsKeycloakRealmRolesByOurRoleNamesInAnyCase() {
    Map<String, Object> claims =
        Map.of("realm_access", Map.of("roles", List.of("Analyst", "offline_access", "risk")));
    assertThat(new JwtRoles(KEYCLOAK).roles(claims))
        .containsExactlyInAnyOrder(Role.ANALYST, Role.RISK);
  }

  @Test
  void aMappedRoleIsGrantedOnlyByTheNamesItLists() {
    var settings =
        new ApiSecurityProperties.Jwt(
            "groups",
            "preferred_username",
            Map.of(Role.ANALYST, List.of("/fraud/analysts", "/fraud/leads")));
    JwtRoles roles = new JwtRoles(settings);

    assertThat(roles.roles(Map.of("groups", List.of("/fraud/leads"))))
        .containsExactly(Role.ANALYST);
    assertThat(roles.roles(Map.of("groups", List.of("analyst"))))
        .isEmpty(); // mapped: its own name no longer counts
    assertThat(roles.roles(Map.of("groups", List.of("screen"))))
        .containsExactly(Role.SCREEN); // unmapped: by name
  }

  @Test
  void acceptsASpaceSeparatedClaimAndIgnoresAMissingOrOddOne() {
    JwtRoles scopes =
        new JwtRoles(new ApiSecurityProperties.Jwt("scope", "preferred_username", null));
    assertThat(scopes.roles(Map.of("scope", "openid screen profile"))).containsExactly(Role.SCREEN);

    JwtRoles nested =
        new JwtRoles(
            new ApiSecurityProperties.Jwt(
                "resource_access.fraud.roles", "preferred_username", null));
    assertThat(
            nested.roles(
                Map.of("resource_access", Map.of("fraud", Map.of("roles", List.of("risk"))))))
        .containsExactly(Role.RISK);
    assertThat(nested.roles(Map.of("resource_access", "not an object"))).isEmpty();
    assertThat(nested.roles(Map.of())).isEmpty();
  }

  @Test
  void namesTheCallerByThePrincipalClaimElseTheSubject() {
    AbstractAuthenticationToken named =
        new JwtRoles(KEYCLOAK)
            .convert(
                jwt(
                    Map.of(
                        "preferred_username",
                        "jill",
                        "sub",
                        "4f1c",
                        "realm_access",
                        Map.of("roles", List.of("analyst")))));
    assertThat(named.getName()).isEqualTo("jill");
    assertThat(named.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_ANALYST");

    assertThat(
            new JwtRoles(KEYCLOAK)
                .convert(jwt(Map.of("sub", "service-account-payments")))
                .getName())
        .isEqualTo("service-account-payments");
  }

  private static Jwt jwt(Map<String, Object> claims) {
    return new Jwt(
        "token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
  }
}
