package io.fraudops.workers.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The HTTP API's security, in one filter chain: a request from a foreign browser origin is refused,
 * the caller is authenticated (configured users over HTTP Basic, and/or JWTs from the identity
 * provider), {@link AccessRules} decides by role, then state changes must be JSON and bodies small.
 *
 * <p>No CSRF tokens and no session: the API is stateless and every state change is a JSON request,
 * which a page of another site can only send after a CORS preflight the API does not grant, and the
 * {@link OriginCheck} refuses what a browser sends from another site anyway (docs/security.md).
 *
 * <p>With neither users nor a JWT issuer configured the application does not start: it is never
 * open by default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ApiSecurityProperties.class, HttpGuardProperties.class})
class SecurityConfiguration {

  static final String REALM = "fraud-screening";

  /**
   * Refuses to start open before any bean is created, so the message comes first rather than after
   * a database or engine connection failed. The filter chain checks the same on the beans
   * themselves.
   */
  @Bean
  static BeanFactoryPostProcessor refuseToServeOpen(Environment environment) {
    return beans -> {
      boolean users =
          Binder.get(environment).bind("fraud.security.users[0].name", String.class).isBound();
      boolean jwt = beans.getBeanNamesForType(JwtDecoder.class, true, false).length > 0;
      if (!users && !jwt) {
        throw new NoAuthenticationConfiguredException();
      }
    };
  }

  @Bean
  SecurityFilterChain httpApi(
      HttpSecurity http,
      ApiSecurityProperties security,
      HttpGuardProperties guards,
      ObjectProvider<JwtDecoder> jwtDecoders,
      ObjectMapper json)
      throws Exception {
    JwtDecoder jwt = jwtDecoders.getIfAvailable();
    List<ConfiguredUser> users = security.users();
    if (users.isEmpty() && jwt == null) {
      throw new NoAuthenticationConfiguredException();
    }
    JsonRefusal refusal = new JsonRefusal(json);
    List<String> challenges = new ArrayList<>();
    if (!users.isEmpty()) {
      challenges.add("Basic realm=\"" + REALM + "\"");
    }
    if (jwt != null) {
      challenges.add("Bearer realm=\"" + REALM + "\"");
    }
    AccessRefusals refusals = new AccessRefusals(refusal, challenges);

    http.csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
        .authorizeHttpRequests(
            auth -> {
              for (AccessRule rule : AccessRules.RULES) {
                var request = auth.requestMatchers(rule.matcher());
                if (rule.isOpen()) {
                  request.permitAll();
                } else {
                  request.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                }
              }
              auth.anyRequest().denyAll();
            });
    if (users.isEmpty()) {
      http.httpBasic(basic -> basic.disable());
    } else {
      http.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(refusals));
      http.authenticationProvider(usersProvider(users));
    }
    if (jwt != null) {
      http.oauth2ResourceServer(
          resourceServer ->
              resourceServer
                  .jwt(
                      token ->
                          token
                              .decoder(jwt)
                              .jwtAuthenticationConverter(new JwtRoles(security.jwt())))
                  .authenticationEntryPoint(refusals)
                  .accessDeniedHandler(refusals));
    }
    if (guards.allowedOrigins().isEmpty()) {
      http.cors(cors -> cors.disable());
    } else {
      http.cors(cors -> cors.configurationSource(corsFor(guards.allowedOrigins())));
    }
    http.addFilterAfter(
        new OriginCheck(new HashSet<>(guards.allowedOrigins()), refusal), HeaderWriterFilter.class);
    // After authorisation: an unauthenticated caller learns nothing about request shapes.
    http.addFilterAfter(new JsonOnlyStateChanges(refusal), AuthorizationFilter.class);
    http.addFilterAfter(
        new RequestSizeLimit(guards.maxRequestSize(), refusal), JsonOnlyStateChanges.class);
    return http.build();
  }

  private static AuthenticationProvider usersProvider(List<ConfiguredUser> users) {
    List<UserDetails> details =
        users.stream()
            .map(
                user ->
                    User.withUsername(user.name())
                        .password(user.passwordHash())
                        .authorities(
                            user.roles().stream().map(Role::authority).toArray(String[]::new))
                        .build())
            .toList();
    DaoAuthenticationProvider provider =
        new DaoAuthenticationProvider(new InMemoryUserDetailsManager(details));
    provider.setPasswordEncoder(new RememberingPasswordEncoder(new BCryptPasswordEncoder()));
    return provider;
  }

  /** Browsers on an allowed origin may call with a bearer token or Basic credentials they hold. */
  private static UrlBasedCorsConfigurationSource corsFor(List<String> origins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins);
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }
}
