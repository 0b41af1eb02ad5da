package io.fraudops.cli.training;

import java.nio.file.Path;

/** Options of {@code train-demo-model}; the defaults reproduce the bundled model. */
public record DemoTrainingOptions(Path output, long seed, int customers, int merchants, int transactions) {

  public DemoTrainingOptions {
    if (customers < 1 || merchants < 1 || transactions < 1000) {
      throw new IllegalArgumentException("customers and merchants must be >= 1, transactions >= 1000");
    }
  }

  static DemoTrainingOptions parse(String[] args, Path defaultOutput) {
    Path output = defaultOutput;
    long seed = 20_261_123L;
    int customers = 2000;
    int merchants = 300;
    int transactions = 150_000;
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      switch (kv[0]) {
        case "output" -> output = Path.of(kv[1]);
        case "seed" -> seed = Long.parseLong(kv[1]);
        case "customers" -> customers = Integer.parseInt(kv[1]);
        case "merchants" -> merchants = Integer.parseInt(kv[1]);
        case "transactions" -> transactions = Integer.parseInt(kv[1]);
        default -> throw new IllegalArgumentException("unknown option --" + kv[0]);
      }
    }
    return new DemoTrainingOptions(output, seed, customers, merchants, transactions);
  }
}
