package io.fraudops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParseResult;

/**
 * Runs {@code ./fraud} in this JVM as the script runs it (same handlers, conventions and exit
 * codes), with the declared defaults only (no environment), capturing what it prints.
 */
public final class RunFraud {

  /** What a run printed and returned. */
  public record Result(int exit, String out, String err) {

    /** Both streams, as a terminal shows them. */
    public String all() {
      return out + err;
    }
  }

  private RunFraud() {}

  public static Result run(String... args) {
    return run(CommandLine.defaultFactory(), args);
  }

  public static Result run(IFactory factory, String... args) {
    CommandLine line = FraudCli.commandLine(factory, SpringEnvironmentDefaults.none());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int exit = line.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** The command object of {@code args[0]}, its options parsed from the rest, not run. */
  public static <T> T parsed(Class<T> command, String... args) {
    ParseResult parsed = commandLine().parseArgs(args);
    return command.cast(parsed.subcommand().commandSpec().userObject());
  }

  /** The command line with the declared defaults only, as the generated docs show it. */
  public static CommandLine commandLine() {
    return FraudCli.commandLine(CommandLine.defaultFactory(), SpringEnvironmentDefaults.none());
  }
}
