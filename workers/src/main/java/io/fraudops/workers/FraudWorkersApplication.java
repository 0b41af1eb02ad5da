package io.fraudops.workers;

import io.fraudops.workers.training.DemoModelTrainer;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. The first argument picks a command:
 *
 * <ul>
 *   <li>{@code serve} (default): job workers plus the HTTP API (screen a payment, pending reviews).
 *   <li>{@code replay}: screens a synthetic stream through the process, prints a summary and exits.
 *   <li>{@code train-demo-model}: retrains the bundled demo model from the synthetic history.
 * </ul>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FraudWorkersApplication {

  public static void main(String[] args) {
    String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "serve";
    String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (command) {
      case "serve" -> SpringApplication.run(FraudWorkersApplication.class, rest);
      case "replay" -> System.exit(SpringApplication.exit(replay().run(rest)));
      case "train-demo-model" -> DemoModelTrainer.main(rest);
      default -> {
        System.err.println("Unknown command '" + command + "'. Use one of: serve, replay, train-demo-model.");
        System.exit(2);
      }
    }
  }

  private static SpringApplication replay() {
    SpringApplication app = new SpringApplication(FraudWorkersApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setAdditionalProfiles("replay");
    return app;
  }
}
