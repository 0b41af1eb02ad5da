package io.fraudops.workers.validation;

import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.feature.transaction.TransactionParser;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

  /** Refuses to start without a usable key: a default key would be a public one. */
  @Bean
  CardTokenizer cardTokenizer(CardProperties card) {
    if (card.fingerprintKey() == null || card.fingerprintKey().isBlank()) {
      throw new IllegalStateException(
          "fraud.card.fingerprint-key is not set: give it base64 of at least 32 random bytes"
              + " (openssl rand -base64 32) and keep it secret; ./fraud serve generates one into"
              + " .data/card-fingerprint.key");
    }
    try {
      return CardTokenizer.fromBase64Key(card.fingerprintKey());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "fraud.card.fingerprint-key is unusable: " + e.getMessage(), e);
    }
  }

  @Bean
  TransactionParser transactionParser(
      Clock clock, ValidationProperties validation, CardTokenizer cards) {
    return new TransactionParser(clock, validation.earliestTimestamp(), cards);
  }
}
