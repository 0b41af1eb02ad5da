package io.fraudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.cli.bench.BenchCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParseResult;

/** The Spring-named options default to what the application would read; the tools' own do not. */
class SpringEnvironmentDefaultsTest {

  @Test
  void mapsPropertiesToTheEnvironmentVariablesSpringReads() {
    assertThat(SpringEnvironmentDefaults.environmentVariables("fraud.redis.url"))
        .containsExactly("FRAUD_REDIS_URL");
    assertThat(SpringEnvironmentDefaults.environmentVariables("fraud.redis.key-prefix"))
        .containsExactly("FRAUD_REDIS_KEYPREFIX", "FRAUD_REDIS_KEY_PREFIX");
  }

  @Test
  void theEnvironmentFeedsSpringNamedOptionsAndTheCommandLineWins() {
    Map<String, String> env =
        Map.of(
            "FRAUD_REDIS_URL", "redis://:s3cret@cache:6379",
            "FRAUD_REDIS_KEY_PREFIX", "env:",
            "SPRING_DATASOURCE_URL", "jdbc:postgresql://db/fraud?password=hunter3",
            "SPRING_DATASOURCE_PASSWORD", "hunter2",
            "FILE", "not-an-option-default");
    SpringEnvironmentDefaults defaults = new SpringEnvironmentDefaults(name -> null, env);

    BenchCommand fromEnv = parsed(defaults, "bench");
    BenchCommand typed = parsed(defaults, "bench", "--fraud.redis.url=redis://typed:6379");

    assertThat(fromEnv.options().redisUrl()).isEqualTo("redis://:s3cret@cache:6379");
    assertThat(fromEnv.options().redisKeyPrefix()).isEqualTo("env:");
    assertThat(typed.options().redisUrl()).isEqualTo("redis://typed:6379");
    // A secret from the environment never shows up in the help.
    String help = line(defaults).getSubcommands().get("bench").getUsageMessage(Ansi.OFF);
    assertThat(help).doesNotContain("s3cret", "hunter2", "hunter3").contains("Default: env:");
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironmentAsInSpring() {
    SpringEnvironmentDefaults defaults =
        new SpringEnvironmentDefaults(
            name -> name.equals("fraud.redis.key-prefix") ? "sys:" : null,
            Map.of("FRAUD_REDIS_KEYPREFIX", "env:"));

    assertThat(parsed(defaults, "bench").options().redisKeyPrefix()).isEqualTo("sys:");
  }

  private static BenchCommand parsed(SpringEnvironmentDefaults defaults, String... args) {
    ParseResult parsed = line(defaults).parseArgs(args);
    return (BenchCommand) parsed.subcommand().commandSpec().userObject();
  }

  private static CommandLine line(SpringEnvironmentDefaults defaults) {
    return FraudCli.commandLine(CommandLine.defaultFactory(), defaults);
  }
}
