package io.fraudops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every command fails, in one place: bad usage exits 2 with what is wrong and the command's usage,
 * bad input ({@link BadInputException}) exits 2 with its message, anything else that goes wrong while
 * running exits 1 with its reason on stderr, the stack trace only with {@code --verbose}.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    if (e instanceof UnmatchedArgumentException unmatched && isRoot(command) && unknownCommand(unmatched)) {
      err.println("fraud: unknown command '" + unmatched.getUnmatched().getFirst() + "'");
    } else {
      err.println(prefix(command) + e.getMessage());
    }
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println();
    command.usage(err);
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (e instanceof BadInputException) {
      err.println(prefix(command) + e.getMessage());
      err.println("Run ./fraud " + name(command) + " --help for the options.");
      if (verbose(parsed)) {
        e.printStackTrace(err);
      }
      err.flush();
      return CommandLine.ExitCode.USAGE;
    }
    err.println(prefix(command) + reason(e));
    if (verbose(parsed)) {
      e.printStackTrace(err);
    } else {
      err.println("(--verbose prints the stack trace)");
    }
    err.flush();
    return CommandLine.ExitCode.SOFTWARE;
  }

  /**
   * The innermost cause says what went wrong (a refused connection, a full disk); the wrappers around
   * it (Spring's bean creation, say) mostly say where. An I/O message is often a bare path, so its type
   * goes with it.
   */
  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getName();
    }
    return root instanceof IOException ? root.getClass().getSimpleName() + ": " + message : message;
  }

  private static boolean unknownCommand(UnmatchedArgumentException e) {
    return !e.getUnmatched().isEmpty() && !e.getUnmatched().getFirst().startsWith("-");
  }

  static boolean verbose(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRoot(CommandLine command) {
    return command.getParent() == null;
  }

  private static String name(CommandLine command) {
    return command.getCommandName();
  }

  private static String prefix(CommandLine command) {
    return isRoot(command) ? "fraud: " : "fraud " + name(command) + ": ";
  }
}
