package io.fraudops.workers.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.feature.transaction.TransactionParser;
import io.fraudops.workers.Payments;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The production application's card key and validation settings, without the local runtime. */
class ValidationConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({CardProperties.class, ValidationProperties.class})
  static class Properties {}

  private final ApplicationContextRunner app =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, ValidationConfiguration.class)
          .withBean(Clock.class, Clock::systemUTC);

  @Test
  void refusesToStartWithoutACardKey() {
    app.run(
        context ->
            assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageStartingWith(
                    "fraud.card.fingerprint-key is not set: give it base64 of at least 32"));
  }

  @Test
  void refusesAShortKeyWithoutShowingIt() {
    app.withPropertyValues("fraud.card.fingerprint-key=c2hvcnQta2V5")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessage("the card key must have at least 32 bytes (got 9)"));
    app.withPropertyValues("fraud.card.fingerprint-key=c2hvcnQta2V5")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("fraud.card.fingerprint-key is unusable")
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("c2hvcnQta2V5")));
  }

  @Test
  void buildsTheParserWithTheKeyAndTheConfiguredEarliestTimestamp() {
    app.withPropertyValues(
            "fraud.card.fingerprint-key=" + Payments.CARD_KEY,
            "fraud.validation.earliest-timestamp=2010-01-01T00:00:00Z")
        .run(
            context -> {
              assertThat(context.getBean(TransactionParser.class).earliestTimestamp())
                  .isEqualTo(Instant.parse("2010-01-01T00:00:00Z"));
              assertThat(context.getBean(CardTokenizer.class).tokenize("4111111111111111"))
                  .isEqualTo(Payments.CARDS.tokenize("4111111111111111"));
              assertThat(context.getBean(CardProperties.class).toString())
                  .doesNotContain(Payments.CARD_KEY);
            });
    app.withPropertyValues("fraud.card.fingerprint-key=" + Payments.CARD_KEY)
        .run(
            context ->
                assertThat(context.getBean(TransactionParser.class).earliestTimestamp())
                    .isEqualTo(TransactionParser.DEFAULT_EARLIEST_TIMESTAMP));
  }

  private static String stackTrace(Throwable e) {
    var out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
