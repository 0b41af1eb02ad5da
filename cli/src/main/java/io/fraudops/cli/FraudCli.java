package io.fraudops.cli;

import io.fraudops.cli.backfill.BackfillCommand;
import io.fraudops.cli.backfill.ExportTrainingSetCommand;
import io.fraudops.cli.backfill.GenerateHistoryCommand;
import io.fraudops.cli.backtest.BacktestCommand;
import io.fraudops.cli.bench.BenchCommand;
import io.fraudops.cli.bench.BenchModelCommand;
import io.fraudops.cli.chargeback.ChargebackCommand;
import io.fraudops.cli.drift.DriftCommand;
import io.fraudops.cli.e2e.BenchE2eCommand;
import io.fraudops.cli.replay.ReplayCommand;
import io.fraudops.cli.serve.ServeCommand;
import io.fraudops.cli.training.RegisterCommand;
import io.fraudops.cli.training.TrainCommand;
import io.fraudops.cli.training.TrainDemoModelCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ./fraud} command. Its subcommands below are the one list of commands: a new command is
 * a {@code Callable<Integer>} annotated with {@code @Command}, in its feature's package, added
 * there. Help, defaults from the environment, value types, errors and exit codes are set up once,
 * in {@link #commandLine}, for every command.
 */
@Command(
    name = "fraud",
    description = {
      "Real-time transaction screening on Camunda 8: the screening application on a local runtime, and the tools"
          + " around it (history, backfill, training, backtest, drift, benchmarks).",
    },
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      ServeCommand.class,
      ReplayCommand.class,
      GenerateHistoryCommand.class,
      BackfillCommand.class,
      ExportTrainingSetCommand.class,
      TrainCommand.class,
      RegisterCommand.class,
      DriftCommand.class,
      ChargebackCommand.class,
      BacktestCommand.class,
      BenchCommand.class,
      BenchModelCommand.class,
      BenchE2eCommand.class,
      TrainDemoModelCommand.class,
      HelpCommand.class
    },
    footerHeading = "%n",
    footer = {
      "The ./fraud script itself also runs:",
      "  test    all tests (./mvnw verify)",
      "  build   build every module and the jars (./mvnw -DskipTests package)",
      "",
      "Options named like --spring.* and --fraud.* are the application's Spring properties: they mean what they"
          + " mean in the application, and default to the environment variable Spring reads (FRAUD_REDIS_URL"
          + " for --fraud.redis.url, SPRING_DATASOURCE_URL for --spring.datasource.url).",
      "Run ./fraud COMMAND --help for a command's options."
    })
public final class FraudCli implements Runnable {

  /** Printed in every command's help; a command adds its own codes with {@code exitCodeList}. */
  static final Map<String, String> EXIT_CODES = exitCodes();

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of a failure.")
  boolean verbose;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    QuietLogs.apply();
    System.exit(commandLine().execute(args));
  }

  /** {@code ./fraud} alone: the list of commands. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Whether {@code --verbose} was given, before or after the command's name. */
  public static boolean verbose(CommandSpec command) {
    return Failures.verbose(command.root().commandLine().getParseResult());
  }

  /** The command line as {@code ./fraud} runs it: defaults from this process's environment. */
  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory(), SpringEnvironmentDefaults.ofThisProcess());
  }

  /**
   * @param factory creates the command objects (tests hand one with a fixed clock, say)
   * @param defaults defaults of the Spring-named options, as {@link SpringEnvironmentDefaults}
   *     reads them
   */
  public static CommandLine commandLine(
      IFactory factory, CommandLine.IDefaultValueProvider defaults) {
    CommandLine line = new CommandLine(FraudCli.class, factory);
    ValueConverters.registerOn(line);
    line.setDefaultValueProvider(defaults);
    line.setUsageHelpWidth(100);
    line.setUsageHelpLongOptionsMaxWidth(40);
    Failures failures = new Failures();
    line.setParameterExceptionHandler(failures);
    line.setExecutionExceptionHandler(failures);
    conventions(line);
    return line;
  }

  /**
   * The same help conventions for every command: -h, defaults shown, options in declaration order.
   */
  private static void conventions(CommandLine line) {
    CommandSpec spec = line.getCommandSpec();
    if (!spec.optionsMap().containsKey("--help")) {
      spec.addOption(
          OptionSpec.builder("-h", "--help")
              .usageHelp(true)
              .description("Show this help and exit.")
              .build());
    }
    spec.usageMessage()
        .showDefaultValues(true)
        .sortOptions(false)
        .customSynopsis(synopsis(spec))
        .descriptionHeading("%n")
        .optionListHeading("%nOptions:%n")
        .commandListHeading("%nCommands:%n");
    // The header is the one-line summary in the list of commands; a command's own help has its
    // description.
    List<String> sections = new ArrayList<>(line.getHelpSectionKeys());
    sections.removeAll(
        List.of(
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING,
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER));
    line.setHelpSectionKeys(sections);
    Map<String, String> codes = new LinkedHashMap<>(EXIT_CODES);
    codes.putAll(spec.usageMessage().exitCodeList());
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    for (CommandLine sub : line.getSubcommands().values()) {
      conventions(sub);
    }
  }

  /**
   * {@code fraud backfill --file=<csv> [OPTIONS]}: what must be given, then the options listed
   * below it. Every option spelled out in a synopsis of Spring property names would fill a screen.
   */
  private static String synopsis(CommandSpec spec) {
    StringBuilder synopsis = new StringBuilder(spec.qualifiedName());
    for (OptionSpec option : spec.options()) {
      if (option.required()) {
        synopsis.append(' ').append(option.longestName()).append('=').append(option.paramLabel());
      }
    }
    synopsis.append(" [OPTIONS]");
    if (!spec.unmatchedArgsBindings().isEmpty()) {
      synopsis.append(" [--spring.property=value...]");
    }
    spec.positionalParameters()
        .forEach(parameter -> synopsis.append(" [").append(parameter.paramLabel()).append(']'));
    if (!spec.subcommands().isEmpty()) {
      synopsis.append(" COMMAND");
    }
    return synopsis.toString();
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "done");
    codes.put("1", "failed while running (the reason on stderr; --verbose adds the stack trace)");
    codes.put("2", "bad usage or input (what is wrong on stderr)");
    return codes;
  }
}
