package io.fraudops.workers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the local runtime, in the one configuration most tests share: Spring
 * caches the context, so the engine, PostgreSQL, Redis and S3 start once for all of them instead of
 * once per test class. The registry is on and polled every 200 ms, seeded with the test model
 * ({@code amount-threshold-model}) as version 1 at {@code champion}.
 *
 * <p>The HTTP API is served on a free port (for tests that need a real connection) and through
 * MockMvc. It knows one user per role ({@link TestUsers}) and accepts tokens of the {@link
 * TestIdentityProvider}, whose realm roles {@code fraud-analyst} and {@code fraud-risk} map to
 * ANALYST and RISK ({@code screen} maps to SCREEN by its name). One browser origin is allowed:
 * {@value #ALLOWED_ORIGIN}.
 *
 * <p>A test that changes what is served (aliases, inference configuration) puts it back with {@link
 * ServingFixture#restoreDefault()} after itself, so the next one finds the seeded state. Tests that
 * need another configuration (a broken dependency, disabled workers) declare their own
 * {@code @SpringBootTest} and pay for their own context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fraud.model.registry.enabled=true",
      "fraud.model.registry.poll-interval=200ms",
      // TestUsers: <name>-test-password
      "fraud.security.users[0].name=payment-system",
      "fraud.security.users[0].password-hash=$2a$04$fkWYnQmamYsWf3WiBBgCv.SqDfIs9PhtFAF0nwEo9PJ4OK01FzXli",
      "fraud.security.users[0].roles=SCREEN",
      "fraud.security.users[1].name=ana",
      "fraud.security.users[1].password-hash=$2a$04$QxlkyDgvkw6IOC3WAAg0LutEGa9LvwBUixDIXO2d7OozA2AyFJrQC",
      "fraud.security.users[1].roles=ANALYST",
      "fraud.security.users[2].name=rita",
      "fraud.security.users[2].password-hash={bcrypt}$2a$04$/Sebbu1KIZMRLtBIDy.BlO/HSn0ss1.gv6ZCHLdQm1pV.k1gG7/hm",
      "fraud.security.users[2].roles=RISK",
      "fraud.security.jwt.role-mapping.ANALYST=fraud-analyst",
      "fraud.security.jwt.role-mapping.RISK=fraud-risk",
      "fraud.http.allowed-origins=" + ApplicationTest.ALLOWED_ORIGIN
    })
@Import(TestIdentityProvider.class)
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("test")
public @interface ApplicationTest {

  String ALLOWED_ORIGIN = "https://review.fraud.example";
}
