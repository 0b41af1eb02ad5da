package io.fraudops.cli.training;

import io.fraudops.feature.training.TrainingSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./fraud train-demo-model}: retrains the bundled demo model ({@link DemoModelTrainer}). */
@Command(
    name = "train-demo-model",
    header = "Retrains the bundled demo model on a synthetic history.",
    description = {
      "Retrains the bundled demo model on a synthetic labelled history (its own seed, so the replay's stream is"
          + " unseen data); the defaults reproduce the bundled model.",
    })
public final class TrainDemoModelCommand implements Callable<Integer> {

  @Option(
      names = "--output",
      paramLabel = "<json>",
      defaultValue = "workers/src/main/resources/models/demo-fraud-model.json",
      description = "Where to write the model (its sidecar goes beside it).")
  Path output;

  @Option(
      names = "--seed",
      paramLabel = "<n>",
      defaultValue = "20261123",
      description = "Seed of the synthetic history.")
  long seed;

  @Option(
      names = "--customers",
      paramLabel = "<n>",
      defaultValue = "2000",
      description = "Synthetic customers.")
  int customers;

  @Option(
      names = "--merchants",
      paramLabel = "<n>",
      defaultValue = "300",
      description = "Synthetic merchants.")
  int merchants;

  @Option(
      names = "--transactions",
      paramLabel = "<n>",
      defaultValue = "150000",
      description = "Payments in the synthetic history.")
  int transactions;

  @Spec CommandSpec spec;

  /** The options, checked by {@link DemoTrainingOptions}. */
  DemoTrainingOptions options() {
    try {
      return new DemoTrainingOptions(output, seed, customers, merchants, transactions);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws Exception {
    DemoTrainingOptions options = options();
    PrintWriter out = spec.commandLine().getOut();
    long begin = System.nanoTime();
    TrainingSet set = DemoModelTrainer.history(options);
    out.printf(
        "[train] %,d labelled payments (%,d fraud) from seed %d in %.1f s%n",
        set.size(), set.positives(), options.seed(), (System.nanoTime() - begin) / 1e9);
    out.flush();
    DemoModelReport report = new DemoModelFit(options).fitAndWrite(set);
    out.println(report.describe());
    out.flush();
    return 0;
  }
}
