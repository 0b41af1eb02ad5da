package io.fraudops.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.cli.RunFraud;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.StringUtils;
import picocli.CommandLine;

/**
 * {@code ./fraud replay}'s options are the application's {@code fraud.replay.*} properties: all of
 * them, with the defaults the application binds, passed on as typed. Starting the replay itself is
 * ReplayRunnerTest's.
 */
class ReplayCommandTest {

  @Test
  void everyReplayPropertyIsAnOptionWithTheDefaultTheApplicationBinds() {
    CommandLine replay = RunFraud.commandLine().getSubcommands().get("replay");
    for (RecordComponent component : ReplayProperties.class.getRecordComponents()) {
      String name = "--fraud.replay." + kebab(component.getName());
      assertThat(replay.getCommandSpec().findOption(name)).as(name).isNotNull();
    }
    ReplayProperties bound =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("fraud.replay", ReplayProperties.class);

    assertThat(RunFraud.parsed(ReplayCommand.class, "replay").properties()).isEqualTo(bound);
  }

  @Test
  void passesOnWhatIsTypedAsTypedAndNothingElse() {
    ReplayCommand command =
        RunFraud.parsed(
            ReplayCommand.class,
            "replay",
            "--fraud.replay.transactions=20000",
            "--fraud.replay.timeout=90s",
            "--fraud.replay.then-serve",
            "--fraud.embedded.postgres.port=55502",
            "--server.port=0",
            "--fraud.review.mode=job-worker",
            "--logging.level.io.fraudops=DEBUG");

    assertThat(command.springArguments())
        .containsExactly(
            "--fraud.replay.transactions=20000",
            "--fraud.replay.timeout=90s",
            "--fraud.replay.then-serve=true",
            "--fraud.embedded.postgres.port=55502",
            "--server.port=0",
            "--fraud.review.mode=job-worker",
            "--logging.level.io.fraudops=DEBUG");
    assertThat(command.properties().transactions()).isEqualTo(20_000);
    assertThat(command.properties().thenServe()).isTrue();
  }

  @Test
  void refusesAMisspelledReplayPropertyAValueTheApplicationWouldRefuseAndAStrayWord() {
    RunFraud.Result typo = RunFraud.run("replay", "--fraud.replay.transaction=20");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err())
        .contains("unknown replay property --fraud.replay.transaction", "Usage: fraud replay");

    RunFraud.Result none = RunFraud.run("replay", "--fraud.replay.transactions=0");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("fraud.replay.transactions must be at least 1");

    RunFraud.Result badDuration = RunFraud.run("replay", "--fraud.replay.timeout=later");
    assertThat(badDuration.exit()).isEqualTo(2);

    RunFraud.Result stray = RunFraud.run("replay", "now");
    assertThat(stray.exit()).isEqualTo(2);
    assertThat(stray.err())
        .contains("expected an option or a Spring property as --name=value, got 'now'");
  }

  @Test
  void theHelpListsTheReplayPropertiesAndTheApplicationsMainOnes() {
    RunFraud.Result help = RunFraud.run("replay", "--help");

    assertThat(help.out())
        .contains("--fraud.replay.transactions=<n>", "Default: 5000", "Default: 5m")
        .contains(
            "--fraud.model.registry.enabled",
            "--camunda.client.grpc-address",
            "--fraud.embedded.zeebe.port")
        .contains("--spring.datasource.url", "--fraud.redis.url");
    assertThat(help.out()).as("options are declared, not given").doesNotContain("Default: null");
  }

  private static String kebab(String camel) {
    return String.join(
            "-", StringUtils.tokenizeToStringArray(camel.replaceAll("([A-Z])", " $1"), " "))
        .toLowerCase();
  }
}
