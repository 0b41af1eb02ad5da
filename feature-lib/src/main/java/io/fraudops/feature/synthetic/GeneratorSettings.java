package io.fraudops.feature.synthetic;

import java.time.Instant;
import java.util.Objects;

/**
 * @param seed fixes the stream: same world and settings, same transactions
 * @param start simulated time of the first arrival
 * @param fraudRate share of generated transactions that are fraud
 * @param invalidRate share that are malformed payloads
 * @param transactionsPerSecond simulated arrival rate; realistic is about 3 per customer per day
 *     (customers × 3 / 86,400), which keeps velocity features meaningful
 */
public record GeneratorSettings(
    long seed, Instant start, double fraudRate, double invalidRate, double transactionsPerSecond) {

  public static final Instant DEFAULT_START = Instant.parse("2025-01-06T00:00:00Z");
  public static final double DEFAULT_FRAUD_RATE = 0.02;
  public static final double DEFAULT_INVALID_RATE = 0.005;
  public static final double DEFAULT_TRANSACTIONS_PER_SECOND = 0.05;

  public GeneratorSettings {
    Objects.requireNonNull(start, "start");
    if (!(fraudRate >= 0 && fraudRate <= 0.4)) {
      throw new IllegalArgumentException(
          "fraudRate must be between 0 and 0.4 (got " + fraudRate + ")");
    }
    if (!(invalidRate >= 0 && invalidRate <= 0.4)) {
      throw new IllegalArgumentException(
          "invalidRate must be between 0 and 0.4 (got " + invalidRate + ")");
    }
    if (!(transactionsPerSecond > 0 && transactionsPerSecond <= 1_000_000)) {
      throw new IllegalArgumentException(
          "transactionsPerSecond must be positive (got " + transactionsPerSecond + ")");
    }
  }

  /**
   * About 2 % fraud, 0.5 % invalid, 0.05 transactions per simulated second (suits ~1,500
   * customers).
   */
  public static GeneratorSettings defaults(long seed) {
    return new GeneratorSettings(
        seed,
        DEFAULT_START,
        DEFAULT_FRAUD_RATE,
        DEFAULT_INVALID_RATE,
        DEFAULT_TRANSACTIONS_PER_SECOND);
  }

  public GeneratorSettings withTransactionsPerSecond(double rate) {
    return new GeneratorSettings(seed, start, fraudRate, invalidRate, rate);
  }

  public GeneratorSettings withRates(double fraud, double invalid) {
    return new GeneratorSettings(seed, start, fraud, invalid, transactionsPerSecond);
  }
}
