package io.fraudops.workers.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** The API is never served open: without users or a JWT issuer the application does not start. */
class SecurityStartupTest {

  private final WebApplicationContextRunner app =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  JacksonAutoConfiguration.class,
                  SecurityAutoConfiguration.class,
                  OAuth2ResourceServerAutoConfiguration.class))
          .withUserConfiguration(SecurityConfiguration.class);

  @Test
  void refusesToStartWithNoWayToAuthenticate() {
    app.run(
        context -> {
          assertThat(context).hasFailed();
          // Refused before any bean is created: the first failure, not one behind a database
          // connection error.
          assertThat(context.getStartupFailure())
              .isInstanceOf(NoAuthenticationConfiguredException.class);
          FailureAnalysis analysis =
              new NoAuthenticationFailureAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis.getDescription())
              .contains("neither fraud.security.users nor a JWT issuer");
          assertThat(analysis.getAction())
              .contains(
                  "fraud.security.users[0].name",
                  "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                  "docs/security.md");
        });
  }

  @Test
  void startsWithAJwtIssuerAlone() {
    // Boot's decoder fetches the key set at the first token, so an unreachable one does not stop
    // the start.
    app.withPropertyValues(
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(JwtDecoder.class)
                    .hasSingleBean(SecurityFilterChain.class));
  }

  @Test
  void startsWithConfiguredUsersAlone() {
    app.withPropertyValues(
            "fraud.security.users[0].name=ana",
            "fraud.security.users[0].password-hash=$2a$04$QxlkyDgvkw6IOC3WAAg0LutEGa9LvwBUixDIXO2d7OozA2AyFJrQC",
            "fraud.security.users[0].roles=analyst")
        .run(
            context -> {
              assertThat(context)
                  .hasNotFailed()
                  .hasSingleBean(SecurityFilterChain.class)
                  .doesNotHaveBean(JwtDecoder.class);
              assertThat(context.getBean(ApiSecurityProperties.class).users().get(0).roles())
                  .containsExactly(Role.ANALYST);
            });
  }

  @Test
  void refusesAClearPasswordInTheConfiguration() {
    app.withPropertyValues(
            "fraud.security.users[0].name=ana",
            "fraud.security.users[0].password-hash=hunter2",
            "fraud.security.users[0].roles=ANALYST")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("is not a BCrypt hash")
                  .message()
                  .doesNotContain("hunter2");
            });
  }
}
