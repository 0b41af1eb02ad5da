package io.fraudops.workers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the local runtime, in the one configuration most tests share: Spring
 * caches the context, so the engine, PostgreSQL, Redis and S3 start once for all of them instead of
 * once per test class. The registry is on and polled every 200 ms, seeded with the test model
 * ({@code amount-threshold-model}) as version 1 at {@code champion}.
 *
 * <p>The HTTP server listens on a free port ({@code @LocalServerPort}), so a browser can load the review
 * page; MockMvc serves the other tests without a socket.
 *
 * <p>A test that changes what is served (aliases, inference configuration) puts it back with
 * {@link ServingFixture#restoreDefault()} after itself, so the next one finds the seeded state.
 * Tests that need another configuration (a broken dependency, disabled workers) declare their own
 * {@code @SpringBootTest} and pay for their own context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fraud.model.registry.enabled=true", "fraud.model.registry.poll-interval=200ms"})
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("test")
public @interface ApplicationTest {}
