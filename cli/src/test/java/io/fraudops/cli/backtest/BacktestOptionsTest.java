package io.fraudops.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.cli.RunFraud;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The backtest's limits and its help, without a database or an engine. */
class BacktestOptionsTest {

  @Test
  void aLimitIsACountOrAShareOfTheLiveFigure() {
    Limit count = Limit.parse("10");
    assertThat(count.allowed(1_000)).isEqualTo(10);
    assertThat(count.exceeded(20, 30)).isFalse();
    assertThat(count.exceeded(20, 31)).isTrue();

    Limit share = Limit.parse("5%");
    assertThat(share.allowed(130)).isEqualTo(6);
    assertThat(share.exceeded(130, 136)).isFalse();
    assertThat(share.exceeded(130, 137)).isTrue();
    assertThat(share).hasToString("5%");

    // No increase at all, and a decrease always passes.
    assertThat(Limit.parse("0").exceeded(130, 131)).isTrue();
    assertThat(Limit.parse("0%").exceeded(130, 0)).isFalse();
  }

  @Test
  void aBadLimitSaysWhatIsExpected() {
    assertThatThrownBy(() -> Limit.parse("lots"))
        .hasMessageContaining("neither a count nor a percentage, e.g. 10 or 5%");
    assertThatThrownBy(() -> Limit.parse("-3")).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> Limit.parse("2.5")).hasMessageContaining("whole number");
  }

  @Test
  void theHelpNamesTheExitCodesAndFormatsEveryOption() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    String usage;
    try {
      // picocli warns on stderr about a description it cannot format
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      usage = RunFraud.commandLine().getSubcommands().get("backtest").getUsageMessage();
    } finally {
      System.setErr(saved);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(usage)
        .contains("--dmn=<file>")
        .contains("or p% more of the live figure")
        .contains("--spring.datasource.url=<jdbc-url>")
        .containsPattern(
            "(?m)^  4 +the candidate raises false declines or reviews past a --max-\\* limit")
        .containsPattern("(?m)^  2 +bad usage or input");
  }
}
