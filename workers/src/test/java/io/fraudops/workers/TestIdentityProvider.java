package io.fraudops.workers;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * An identity provider for the tests, like the Keycloak of a Camunda 8 cluster: an RSA key
 * generated at start, its public half served as a JWK set over HTTP on a free loopback port, and
 * tokens signed with it carrying Keycloak's {@code realm_access.roles}. The application's resource
 * server fetches the key set from that URL, as it would from {@code
 * spring.security.oauth2.resourceserver.jwt.jwk-set-uri}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestIdentityProvider implements DisposableBean {

  public static final String ISSUER = "https://idp.test/realms/camunda";
  private final RSAKey key;
  private final HttpServer server;

  public TestIdentityProvider() throws JOSEException, IOException {
    key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    server.start();
  }

  /**
   * What Boot builds from {@code jwk-set-uri} and {@code issuer-uri}: signature, expiry and issuer
   * checked.
   */
  @Bean
  JwtDecoder jwtDecoder() {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
    return decoder;
  }

  public String jwkSetUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
  }

  /** A token for {@code user} with these realm roles, valid for five minutes. */
  public String token(String user, String... realmRoles) {
    return sign(key, claims(user, List.of(realmRoles), Instant.now().plus(Duration.ofMinutes(5))));
  }

  /** A token that expired ten minutes ago. */
  public String expiredToken(String user, String... realmRoles) {
    return sign(
        key, claims(user, List.of(realmRoles), Instant.now().minus(Duration.ofMinutes(10))));
  }

  /** A well-formed token signed by a key the application does not know. */
  public String tokenSignedByAnotherKey(String user, String... realmRoles) {
    try {
      RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
      return sign(
          other, claims(user, List.of(realmRoles), Instant.now().plus(Duration.ofMinutes(5))));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet claims(String user, List<String> roles, Instant expiry) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(UUID.randomUUID().toString())
        .claim("preferred_username", user)
        .claim("realm_access", Map.of("roles", roles))
        .issueTime(Date.from(expiry.minus(Duration.ofMinutes(15))))
        .expirationTime(Date.from(expiry))
        .build();
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void destroy() {
    server.stop(0);
  }
}
