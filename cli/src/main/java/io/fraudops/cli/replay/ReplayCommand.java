package io.fraudops.cli.replay;

import io.fraudops.cli.FraudCli;
import io.fraudops.cli.serve.ApplicationOptions;
import io.fraudops.cli.serve.LocalApplication;
import io.fraudops.cli.serve.SpringArguments;
import io.fraudops.workers.FraudWorkersApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./fraud replay}: the screening application with the replay's beans (profile {@code
 * replay}). Every {@code fraud.replay.*} property of {@link ReplayProperties} is an option here,
 * with its default, so {@code --help} lists them and a typo is refused instead of ignored; the
 * values typed go to the application as the Spring properties they are.
 */
@Command(
    name = "replay",
    header = "Screens a synthetic payment stream end to end and prints a summary.",
    description = {
      "Screens a synthetic payment stream through the whole process (one instance each, through the gateway)"
          + " on the local runtime, after writing an earlier stretch of it as history, then prints a summary:"
          + " outcomes, latency, nothing lost.",
      "Any other Spring property of the application passes through as --name=value."
    })
public final class ReplayCommand implements Callable<Integer> {

  private static final String PREFIX = "--fraud.replay.";

  @Option(
      names = PREFIX + "transactions",
      paramLabel = "<n>",
      defaultValue = "5000",
      description = "Payments to screen.")
  int transactions;

  @Option(
      names = PREFIX + "warmup",
      paramLabel = "<n>",
      defaultValue = "30000",
      description =
          "Earlier payments that only build the customers' history (and the labels known by then).")
  int warmup;

  @Option(
      names = PREFIX + "seed",
      paramLabel = "<n>",
      defaultValue = "42",
      description = "The generator's seed: the same seed, the same stream.")
  long seed;

  @Option(
      names = PREFIX + "customers",
      paramLabel = "<n>",
      defaultValue = "2000",
      description = "Synthetic customers.")
  int customers;

  @Option(
      names = PREFIX + "merchants",
      paramLabel = "<n>",
      defaultValue = "300",
      description = "Synthetic merchants.")
  int merchants;

  @Option(
      names = PREFIX + "fraud-rate",
      paramLabel = "<share>",
      defaultValue = "0.02",
      description = "Share of fraudulent payments.")
  double fraudRate;

  @Option(
      names = PREFIX + "invalid-rate",
      paramLabel = "<share>",
      defaultValue = "0.01",
      description = "Share of malformed payloads (they end REJECTED).")
  double invalidRate;

  @Option(
      names = PREFIX + "in-flight",
      paramLabel = "<n>",
      defaultValue = "16",
      description = "Instances undecided at once, at most.")
  int inFlight;

  @Option(
      names = PREFIX + "timeout",
      paramLabel = "<duration>",
      defaultValue = "5m",
      description = "How long to wait for the last decisions before reporting what is missing.")
  Duration timeout;

  @Option(
      names = PREFIX + "progress-every",
      paramLabel = "<duration>",
      defaultValue = "2s",
      description = "How often to print progress.")
  Duration progressEvery;

  @Option(
      names = PREFIX + "then-serve",
      paramLabel = "<true|false>",
      arity = "0..1",
      defaultValue = "false",
      showDefaultValue = Visibility.ALWAYS,
      description =
          "Keep running afterwards with the HTTP API, so the waiting reviews can be worked.")
  boolean thenServe;

  @Option(
      names = PREFIX + "promote-at",
      paramLabel = "<n>",
      defaultValue = "0",
      description =
          "With the model registry on: after this many payments, register the promote-location model"
              + " as a new version and move the alias to it (0: never).")
  int promoteAt;

  @Option(
      names = PREFIX + "promote-location",
      paramLabel = "<location>",
      description = "The model to promote. Default: the model location.")
  String promoteLocation;

  @Mixin ApplicationOptions application;

  @Unmatched List<String> springProperties = new ArrayList<>();

  @Spec CommandSpec spec;

  /**
   * The replay's settings as the application will bind them, checked by {@link ReplayProperties}.
   */
  ReplayProperties properties() {
    try {
      return new ReplayProperties(
          transactions,
          warmup,
          seed,
          customers,
          merchants,
          fraudRate,
          invalidRate,
          inFlight,
          timeout,
          progressEvery,
          thenServe,
          promoteAt,
          promoteLocation);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** The application's command line: the options typed, then the other Spring properties. */
  String[] springArguments() {
    for (String argument : springProperties) {
      if (argument.startsWith(PREFIX)) {
        throw new ParameterException(
            spec.commandLine(),
            "unknown replay property " + argument.split("=", 2)[0] + " (see --help)");
      }
    }
    return SpringArguments.of(spec, springProperties);
  }

  @Override
  public Integer call() throws InterruptedException {
    ReplayProperties properties = properties();
    String[] args = springArguments();
    SpringApplication app =
        new SpringApplication(FraudWorkersApplication.class, ReplayConfiguration.class);
    app.setWebApplicationType(
        properties.thenServe() ? WebApplicationType.SERVLET : WebApplicationType.NONE);
    app.setAdditionalProfiles("replay");
    boolean verbose = FraudCli.verbose(spec);
    return properties.thenServe()
        ? LocalApplication.runUntilStopped(app, args, verbose)
        : LocalApplication.runToEnd(app, args, verbose);
  }
}
