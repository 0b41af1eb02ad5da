package io.fraudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.OptionSpec;

/** What every command shares: its place in the one list, its help, its errors and exit codes. */
class FraudCliTest {

  private static final List<String> COMMANDS =
      List.of(
          "serve",
          "replay",
          "generate-history",
          "backfill",
          "export-training-set",
          "train",
          "register",
          "drift",
          "bench",
          "bench-model",
          "train-demo-model");

  @TempDir Path dir;

  @Test
  void theTopUsageListsEveryCommandAndTheScriptsOwn() {
    CommandLine line = RunFraud.commandLine();
    assertThat(line.getSubcommands().keySet()).containsAll(COMMANDS);

    RunFraud.Result help = RunFraud.run("--help");

    assertThat(help.exit()).isZero();
    for (String command : line.getSubcommands().keySet()) {
      assertThat(help.out()).as(command).containsPattern("(?m)^  " + command + " ");
    }
    assertThat(help.out()).contains("  test ", "./mvnw verify", "  build ", "Exit codes:");
    // ./fraud alone and ./fraud help print the same.
    assertThat(RunFraud.run().out()).isEqualTo(help.out());
    assertThat(RunFraud.run("help").out()).isEqualTo(help.out());
  }

  @Test
  void everyCommandsUsageListsEachOfItsOptionsWithItsDefault() {
    for (CommandLine command : RunFraud.commandLine().getSubcommands().values()) {
      String usage = command.getUsageMessage(Ansi.OFF);
      assertThat(usage).contains("Usage: fraud " + command.getCommandName() + " ");
      for (OptionSpec option : command.getCommandSpec().options()) {
        assertThat(usage).as(command.getCommandName()).contains(option.longestName());
        String value = option.defaultValue();
        if (value != null && !value.isEmpty() && option.showDefaultValue() != Visibility.NEVER) {
          assertThat(usage)
              .as(command.getCommandName() + " " + option.longestName())
              .contains("Default: " + value);
        }
      }
      assertThat(usage).as(command.getCommandName()).contains("Exit codes:");
    }
  }

  @Test
  void aCommandsHelpIsItsUsage() {
    RunFraud.Result help = RunFraud.run("backfill", "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("Usage: fraud backfill --file=<csv> [OPTIONS]")
        .contains(
            "--fraud.redis.url", "--spring.datasource.url", "--fraud.embedded.postgres.data-dir")
        .contains("Default: .data/postgres", "Default: 54329", "Default: fraud:features:")
        .contains("  transaction_id *");
    assertThat(RunFraud.run("help", "backfill").out()).isEqualTo(help.out());
  }

  @Test
  void aUsageErrorExits2WithWhatIsWrongAndTheUsage() {
    RunFraud.Result missing = RunFraud.run("backfill");

    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err())
        .startsWith("fraud backfill: Missing required option: '--file=<csv>'")
        .contains("Usage: fraud backfill");

    RunFraud.Result badNumber = RunFraud.run("generate-history", "--file=x.csv", "--rows=many");
    assertThat(badNumber.exit()).isEqualTo(2);
    assertThat(badNumber.err())
        .startsWith("fraud generate-history: Invalid value for option '--rows': 'many'");
  }

  @Test
  void anUnknownCommandExits2AndSuggestsOne() {
    RunFraud.Result unknown = RunFraud.run("trian", "--file=x.csv");

    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err())
        .startsWith("fraud: unknown command 'trian'")
        .contains("train")
        .contains("Usage: fraud");
  }

  @Test
  void theToolsOldOptionNamesAreRefused() {
    for (String old :
        List.of(
            "--redis-url=redis://h:6379",
            "--jdbc-url=jdbc:postgresql://h/db",
            "--postgres-port=1")) {
      RunFraud.Result result = RunFraud.run("backfill", "--file=x.csv", old);
      assertThat(result.exit()).as(old).isEqualTo(2);
      assertThat(result.err()).contains("Unknown option: '" + old + "'");
    }
  }

  @Test
  void aFailureWhileRunningExits1WithItsReasonAndTheStackTraceOnlyWhenVerbose() {
    String file = "--file=" + dir.resolve("no-such-dir/history.csv");

    RunFraud.Result quiet = RunFraud.run("generate-history", "--rows=10", file);
    RunFraud.Result verbose = RunFraud.run("generate-history", "--rows=10", file, "--verbose");
    RunFraud.Result verboseFirst = RunFraud.run("--verbose", "generate-history", "--rows=10", file);

    assertThat(quiet.exit()).isEqualTo(1);
    assertThat(quiet.err())
        .startsWith(
            "fraud generate-history: NoSuchFileException: "
                + dir.resolve("no-such-dir/history.csv"))
        .contains("--verbose")
        .doesNotContain("\tat ");
    assertThat(verbose.exit()).isEqualTo(1);
    assertThat(verbose.err()).contains("java.nio.file.NoSuchFileException", "\tat ");
    assertThat(verboseFirst.err()).contains("\tat ");
  }

  @Test
  void badInputExits2WithItsMessageAndNoUsage() {
    RunFraud.Result result = RunFraud.run("backfill", "--file=" + dir.resolve("absent.csv"));

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("fraud backfill: cannot read --file=")
        .contains("Run ./fraud backfill --help")
        .doesNotContain("Usage:");
  }

  @Test
  void numbersMayGroupDigitsAndDurationsReadAsTheApplicationsDo() {
    RunFraud.Result result =
        RunFraud.run("generate-history", "--rows=1_000", "--file=" + dir.resolve("h.csv"));

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).contains("1,000 rows");
    assertThat(RunFraud.run("backfill", "--file=x.csv", "--label-delay=soon").err())
        .contains("'soon' is not a duration like 30d, 5m, 500ms or P30D");
  }
}
