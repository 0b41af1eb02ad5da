package io.fraudops.workers;

import io.fraudops.workers.bench.HotPathBench;
import io.fraudops.workers.bench.ModelBench;
import io.fraudops.workers.backfill.BackfillCommand;
import io.fraudops.workers.backfill.ExportTrainingSetCommand;
import io.fraudops.workers.backfill.GenerateHistoryCommand;
import io.fraudops.workers.drift.DriftCommand;
import io.fraudops.workers.training.DemoModelTrainer;
import io.fraudops.workers.training.TrainCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. The first argument picks a command:
 *
 * <ul>
 *   <li>{@code serve} (default): job workers plus the HTTP API (screen a payment, pending reviews).
 *   <li>{@code replay}: screens a synthetic stream through the process, prints a summary and exits.
 *   <li>{@code train-demo-model}: retrains the bundled demo model from the synthetic history.
 *   <li>{@code bench}: measures the scoring hot path (features + score) against real stores.
 *   <li>{@code bench-model}: one payment scored (with and without reasons) and batch throughput of a model.
 *   <li>{@code backfill}: loads a history CSV into the offline store, rebuilds profiles and online state.
 *   <li>{@code generate-history}: writes a synthetic history CSV for the backfill.
 *   <li>{@code export-training-set}: writes the point-in-time training set of the offline store.
 *   <li>{@code train}: trains a model on a labelled CSV, writes it with a report, registers it.
 *   <li>{@code drift}: population stability of recent payments' features and scores against training.
 * </ul>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FraudWorkersApplication {

  public static void main(String[] args) throws Exception {
    String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "serve";
    String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (command) {
      case "serve" -> SpringApplication.run(FraudWorkersApplication.class, rest);
      case "replay" -> {
        // With then-serve the application stays up afterwards, so analysts can work the reviews.
        boolean thenServe = Arrays.asList(rest).contains("--fraud.replay.then-serve=true");
        ConfigurableApplicationContext context = replay(thenServe).run(rest);
        if (!thenServe) {
          System.exit(SpringApplication.exit(context));
        }
      }
      case "train-demo-model" -> DemoModelTrainer.main(rest);
      case "bench" -> HotPathBench.main(rest);
      case "bench-model" -> ModelBench.main(rest);
      case "backfill" -> BackfillCommand.main(rest);
      case "generate-history" -> GenerateHistoryCommand.main(rest);
      case "export-training-set" -> ExportTrainingSetCommand.main(rest);
      case "drift" -> DriftCommand.main(rest);
      case "train" -> TrainCommand.main(rest);
      default -> {
        System.err.println(
            "Unknown command '" + command + "'. Use one of: serve, replay, train-demo-model, bench, bench-model, backfill, generate-history, export-training-set, train, drift.");
        System.exit(2);
      }
    }
  }

  private static SpringApplication replay(boolean thenServe) {
    SpringApplication app = new SpringApplication(FraudWorkersApplication.class);
    app.setWebApplicationType(thenServe ? WebApplicationType.SERVLET : WebApplicationType.NONE);
    app.setAdditionalProfiles("replay");
    return app;
  }
}
