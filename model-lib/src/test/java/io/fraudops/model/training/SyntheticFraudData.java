package io.fraudops.model.training;

import java.util.Random;

/**
 * Seeded synthetic card transactions with a learnable, nonlinear fraud signal and missing values.
 */
public final class SyntheticFraudData {

  public static final String[] FEATURES = {
    "amount", "velocity_1h", "distance_km", "account_age_days", "hour_of_day",
    "device_risk", "merchant_risk", "failed_logins_24h", "card_present", "noise"
  };

  private SyntheticFraudData() {}

  public static Dataset generate(int rows, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[rows][];
    int[] y = new int[rows];
    for (int i = 0; i < rows; i++) {
      double amount = Math.round(Math.exp(3.5 + 1.3 * random.nextGaussian()) * 100) / 100.0;
      double velocity = Math.floor(-Math.log(1 - random.nextDouble()) * 1.5);
      double distance =
          random.nextDouble() < 0.08 ? Double.NaN : Math.exp(2 + 1.5 * random.nextGaussian());
      double accountAge = Math.floor(random.nextDouble() * 2000);
      double hour = random.nextInt(24);
      double deviceRisk = random.nextDouble() < 0.15 ? Double.NaN : random.nextDouble();
      double merchantRisk = random.nextDouble();
      double failedLogins = Math.floor(-Math.log(1 - random.nextDouble()) * 0.6);
      double cardPresent = random.nextDouble() < 0.7 ? 1 : 0;
      double noise = random.nextGaussian();
      double signal =
          (amount > 300 && cardPresent == 0 ? 1.8 : 0) // interaction
              + 0.45 * Math.min(velocity, 8)
              + (Double.isNaN(deviceRisk) ? 0.9 : deviceRisk > 0.8 ? 2.2 : 0) // threshold + missing
              + (hour <= 5 ? 1.1 : 0)
              - (accountAge > 365 ? 1.0 : 0)
              + 2.0 * Math.abs(merchantRisk - 0.5) // U-shaped
              + 0.5 * failedLogins
              + (Double.isNaN(distance) ? 0.6 : distance > 200 ? 0.8 : 0);
      double logit =
          -6.0 + 1.8 * signal; // strong enough that a good model reaches a held-out AUC near 0.9
      x[i] =
          new double[] {
            amount,
            velocity,
            distance,
            accountAge,
            hour,
            deviceRisk,
            merchantRisk,
            failedLogins,
            cardPresent,
            noise
          };
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    }
    return new Dataset(FEATURES, x, y);
  }

  /** {@code width} uniform features of which only {@code driver} matters: fraud iff it is high. */
  public static Dataset oneDriver(int rows, int width, int driver, long seed) {
    Random random = new Random(seed);
    String[] names = new String[width];
    for (int f = 0; f < width; f++) {
      names[f] = "f" + f;
    }
    double[][] x = new double[rows][width];
    int[] y = new int[rows];
    for (int i = 0; i < rows; i++) {
      for (int f = 0; f < width; f++) {
        x[i][f] = random.nextDouble();
      }
      double logit = -4 + 8 * x[i][driver] + 0.3 * random.nextGaussian();
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    }
    return new Dataset(names, x, y);
  }
}
