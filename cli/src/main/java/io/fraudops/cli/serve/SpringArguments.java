package io.fraudops.cli.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The Spring application's command line, from a command's: every Spring-named option the user gave
 * ({@code --fraud.replay.transactions=20000}), as given, then every other {@code --name=value},
 * which passes through unchecked as any Spring property does.
 */
public final class SpringArguments {

  private static final Pattern PROPERTY =
      Pattern.compile("--[A-Za-z][\\w.\\[\\]-]*(=.*)?", Pattern.DOTALL);

  private SpringArguments() {}

  /**
   * @throws ParameterException for an argument that is no {@code --name=value}
   */
  public static String[] of(CommandSpec spec, List<String> passThrough) {
    List<String> arguments = new ArrayList<>();
    for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
      String name = option.longestName();
      if (name.startsWith("--") && name.indexOf('.') > 2) {
        arguments.add(name + "=" + value(option));
      }
    }
    for (String argument : passThrough) {
      if (!PROPERTY.matcher(argument).matches()) {
        throw new ParameterException(
            spec.commandLine(),
            "expected an option or a Spring property as --name=value, got '" + argument + "'");
      }
      arguments.add(argument);
    }
    return arguments.toArray(String[]::new);
  }

  /**
   * The text typed, so Spring reads it as it would have ({@code 5m} stays {@code 5m}); a bare flag
   * is true.
   */
  private static String value(OptionSpec option) {
    List<String> typed = option.stringValues();
    return typed.isEmpty() ? String.valueOf((Object) option.getValue()) : typed.getLast();
  }
}
