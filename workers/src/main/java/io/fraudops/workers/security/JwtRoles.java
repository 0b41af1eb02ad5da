package io.fraudops.workers.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified token from the identity provider into a caller: its name from {@code
 * fraud.security.jwt.principal-claim} and our roles from the role or group names listed under
 * {@code fraud.security.jwt.roles-claim}. A name the mapping does not know grants nothing.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

  private final ApiSecurityProperties.Jwt settings;
  private final List<String> claimPath;

  JwtRoles(ApiSecurityProperties.Jwt settings) {
    this.settings = settings;
    this.claimPath = List.of(settings.rolesClaim().split("\\."));
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    List<GrantedAuthority> authorities =
        roles(jwt.getClaims()).stream()
            .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority()))
            .toList();
    return new JwtAuthenticationToken(jwt, authorities, name(jwt.getClaims()));
  }

  /** The caller's name: the principal claim, else the subject. */
  String name(Map<String, Object> claims) {
    Object name = claims.get(settings.principalClaim());
    if (name instanceof String s && !s.isBlank()) {
      return s;
    }
    Object subject = claims.get("sub");
    return subject == null ? "unknown" : subject.toString();
  }

  /** Our roles granted by the names found at the roles claim. */
  Set<Role> roles(Map<String, Object> claims) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String granted : names(claims)) {
      for (Role role : Role.values()) {
        if (grants(role, granted)) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private boolean grants(Role role, String granted) {
    List<String> mapped = settings.roleMapping().get(role);
    if (mapped == null) {
      return role.name().equals(granted.toUpperCase(Locale.ROOT));
    }
    return mapped.contains(granted);
  }

  /**
   * The strings at the claim path: a JSON array of strings, or one space-separated string (OAuth
   * scopes).
   */
  private List<String> names(Map<String, Object> claims) {
    Object node = claims;
    for (String step : claimPath) {
      if (!(node instanceof Map<?, ?> map)) {
        return List.of();
      }
      node = map.get(step);
    }
    List<String> names = new ArrayList<>();
    if (node instanceof Collection<?> values) {
      values.forEach(v -> names.add(String.valueOf(v)));
    } else if (node instanceof String value) {
      names.addAll(List.of(value.trim().split("\\s+")));
    }
    return names;
  }
}
