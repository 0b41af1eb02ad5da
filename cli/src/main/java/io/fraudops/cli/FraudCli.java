package io.fraudops.cli;

import io.fraudops.cli.backfill.BackfillCommand;
import io.fraudops.cli.backfill.ExportTrainingSetCommand;
import io.fraudops.cli.backfill.GenerateHistoryCommand;
import io.fraudops.cli.backtest.BacktestCommand;
import io.fraudops.cli.bench.HotPathBench;
import io.fraudops.cli.bench.ModelBench;
import io.fraudops.cli.drift.DriftCommand;
import io.fraudops.cli.replay.ReplayConfiguration;
import io.fraudops.cli.training.DemoModelTrainer;
import io.fraudops.cli.training.TrainCommand;
import io.fraudops.workers.FraudWorkersApplication;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@code ./fraud} command (interim dispatcher; the picocli command line replaces it). */
public final class FraudCli {

  private FraudCli() {}

  public static void main(String[] args) throws Exception {
    String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "serve";
    String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (command) {
      case "serve" -> SpringApplication.run(FraudWorkersApplication.class, rest);
      case "replay" -> {
        boolean thenServe = Arrays.asList(rest).contains("--fraud.replay.then-serve=true");
        SpringApplication app = new SpringApplication(FraudWorkersApplication.class, ReplayConfiguration.class);
        app.setWebApplicationType(thenServe ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        app.setAdditionalProfiles("replay");
        ConfigurableApplicationContext context = app.run(rest);
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
      case "backtest" -> BacktestCommand.main(rest);
      default -> {
        System.err.println("Unknown command '" + command + "'.");
        System.exit(2);
      }
    }
  }
}
