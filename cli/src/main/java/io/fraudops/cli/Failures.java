package io.fraudops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every command fails, in one place: bad usage exits 2 with what is wrong and the command's
 * usage, bad input ({@link BadInputException}) exits 2 with its message, anything else that goes
 * wrong while running exits 1 with its reason on stderr, the stack trace only with {@code
 * --verbose}.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    if (e instanceof UnmatchedArgumentException unmatched
        && isRoot(command)
        && unknownCommand(unmatched)) {
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
   * The innermost cause says what went wrong (a refused connection, a full disk), the one around it
   * often where ("Connection to 127.0.0.1:5432 refused"); Spring's wrappers around those only
   * repeat them. An I/O message is often a bare path, so its type goes with it.
   */
  static String reason(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    Throwable root = chain.getLast();
    String what = describe(root);
    if (chain.size() > 1) {
      Throwable around = chain.get(chain.size() - 2);
      String where = firstLine(around.getMessage());
      String rootLine = firstLine(root.getMessage());
      if (!where.isEmpty()
          && !around.getClass().getName().startsWith("org.springframework.")
          && (rootLine.isEmpty() || !where.contains(rootLine))) {
        return where + " (" + what + ")";
      }
    }
    return what;
  }

  private static String describe(Throwable t) {
    String message = firstLine(t.getMessage());
    if (message.isEmpty()) {
      return t.getClass().getName();
    }
    return t instanceof IOException ? t.getClass().getSimpleName() + ": " + message : message;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.strip().lines().findFirst().orElse("");
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
