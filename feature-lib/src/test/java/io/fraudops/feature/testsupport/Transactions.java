package io.fraudops.feature.testsupport;

import io.fraudops.feature.transaction.Transaction;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Terse valid transactions for tests (no device unless given); vary one field at a time with the
 * with-methods.
 */
public record Transactions(
    String id,
    String customer,
    String amount,
    String merchant,
    String category,
    String country,
    Double lat,
    Double lon,
    String channel,
    Instant at,
    String device) {

  public static final String VISA_TEST_CARD = "4111111111111111";

  public static Transactions tx(String id, Instant at) {
    return new Transactions(
        id, "C1", "10.00", "M1", "grocery", "US", 40.7128, -74.0060, "POS", at, null);
  }

  public Transactions customer(String value) {
    return new Transactions(
        id, value, amount, merchant, category, country, lat, lon, channel, at, device);
  }

  public Transactions amount(String value) {
    return new Transactions(
        id, customer, value, merchant, category, country, lat, lon, channel, at, device);
  }

  public Transactions merchant(String value) {
    return new Transactions(
        id, customer, amount, value, category, country, lat, lon, channel, at, device);
  }

  public Transactions category(String value) {
    return new Transactions(
        id, customer, amount, merchant, value, country, lat, lon, channel, at, device);
  }

  public Transactions country(String value) {
    return new Transactions(
        id, customer, amount, merchant, category, value, lat, lon, channel, at, device);
  }

  public Transactions at(double latitude, double longitude) {
    return new Transactions(
        id, customer, amount, merchant, category, country, latitude, longitude, channel, at,
        device);
  }

  public Transactions online() {
    return new Transactions(
        id, customer, amount, merchant, category, country, null, null, "ECOM", at, device);
  }

  public Transactions device(String value) {
    return new Transactions(
        id, customer, amount, merchant, category, country, lat, lon, channel, at, value);
  }

  public Transaction build() {
    return new Transaction(
        id,
        customer,
        TestCards.TOKENIZER.tokenize(VISA_TEST_CARD),
        new BigDecimal(amount),
        "USD",
        merchant,
        category,
        country,
        lat,
        lon,
        channel,
        at,
        device);
  }
}
