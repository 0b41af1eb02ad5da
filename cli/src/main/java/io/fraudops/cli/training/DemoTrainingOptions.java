package io.fraudops.cli.training;

import java.nio.file.Path;

/** Options of {@code train-demo-model}; the defaults reproduce the bundled model. */
public record DemoTrainingOptions(
    Path output, long seed, int customers, int merchants, int transactions) {

  public DemoTrainingOptions {
    if (customers < 1 || merchants < 1 || transactions < 1000) {
      throw new IllegalArgumentException(
          "customers and merchants must be >= 1, transactions >= 1000");
    }
  }
}
