package io.fraudops.workers.validation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Card data.
 *
 * @param fingerprintKey base64 of at least 32 random bytes (e.g. {@code openssl rand -base64 32}):
 *     keys the card fingerprints and the MACs that prove a card token is this service's. Required;
 *     the local runtime generates one into {@code .data/card-fingerprint.key}. Changing it changes
 *     every fingerprint, so payments before and after no longer link by card.
 */
@ConfigurationProperties("fraud.card")
public record CardProperties(String fingerprintKey) {

  @Override
  public String toString() {
    return "CardProperties[fingerprintKey=" + (fingerprintKey == null ? "unset" : "hidden") + "]";
  }
}
