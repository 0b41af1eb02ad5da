package io.fraudops.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.cli.RunFraud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * docs/commands.md is every command's {@code --help}, rendered here from the command line itself,
 * so it cannot drift from the code. After changing a command, regenerate it with {@code ./mvnw -B
 * -pl cli -am test -Dtest=CommandsDocTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfraud.docs.update=true}.
 */
class CommandsDocTest {

  private static final Path DOC = Path.of("..", "docs", "commands.md");

  @Test
  void docsCommandsMdIsTheCurrentHelpOfEveryCommand() throws IOException {
    String rendered = render(RunFraud.commandLine());
    if (Boolean.getBoolean("fraud.docs.update")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
    }
    assertThat(DOC).as("docs/commands.md exists; see this test's javadoc to generate it").exists();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/commands.md is stale: regenerate it as this test's javadoc says")
        .isEqualTo(rendered);
  }

  /** The top command's help, then each command's, in the order of the one list. */
  static String render(CommandLine top) {
    StringBuilder doc =
        new StringBuilder(
            """
            # ./fraud commands

            Every command's `--help`, generated from the command line itself by `CommandsDocTest` (module `cli`),
            which fails when this file no longer matches; do not edit it by hand.
            The defaults shown are the declared ones: options named like Spring properties (`--spring.*`,
            `--fraud.*`) default to the environment variable Spring reads, when it is set.

            """);
    section(doc, top);
    for (CommandLine command : top.getSubcommands().values()) {
      if (!command.getCommandName().equals("help")) {
        section(doc, command);
      }
    }
    return doc.toString().stripTrailing() + "\n";
  }

  private static void section(StringBuilder doc, CommandLine command) {
    String name = command.getParent() == null ? "./fraud" : "./fraud " + command.getCommandName();
    doc.append("## ").append(name).append("\n\n```text\n");
    doc.append(command.getUsageMessage(Ansi.OFF).stripTrailing()).append("\n```\n\n");
  }
}
