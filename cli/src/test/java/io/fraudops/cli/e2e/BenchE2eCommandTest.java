package io.fraudops.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.cli.RunFraud;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code ./fraud bench-e2e}, short and slow: both pipelines run, every payment started is decided,
 * and the figures are printed. No timing is asserted: the figures are the command's output, not a
 * test's.
 */
@ExtendWith(OutputCaptureExtension.class)
class BenchE2eCommandTest {

  /**
   * A row of the rate table: rate, pipeline, offered, started, late, dropped, decided, undecided.
   */
  private static final Pattern ROW =
      Pattern.compile(
          "(?m)^ +(\\d+) (full|no-op) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) ");

  @Test
  void aShortRunThroughBothPipelinesDecidesEveryPaymentItStartsAndPrintsTheFigures(
      CapturedOutput output) {
    RunFraud.Result run =
        RunFraud.run(
            "bench-e2e",
            "--rates=4",
            "--duration=3s",
            "--warm-up=0s",
            "--history=300",
            "--customers=100",
            "--merchants=30",
            "--drain-timeout=60s",
            "--fraud.model.registry.enabled=false",
            // The tests' key, so the run writes no .data/card-fingerprint.key.
            "--fraud.card.fingerprint-key=ZnJhdWQtc2NyZWVuaW5nIHRlc3QgY2FyZCBrZXkgMDE=");

    assertThat(run.exit()).as(run.all() + output.getOut()).isZero();
    String out = output.getOut();
    Matcher rows = ROW.matcher(out);
    List<String> pipelines = new java.util.ArrayList<>();
    while (rows.find()) {
      pipelines.add(rows.group(2));
      long offered = Long.parseLong(rows.group(3));
      long started = Long.parseLong(rows.group(4));
      long dropped = Long.parseLong(rows.group(6));
      long decided = Long.parseLong(rows.group(7));
      long undecided = Long.parseLong(rows.group(8));
      assertThat(offered).as("3 s at 4/s").isEqualTo(12);
      assertThat(started + dropped)
          .as("every arrival started or counted as dropped")
          .isEqualTo(offered);
      assertThat(decided)
          .as(rows.group(2) + ": every payment started is decided")
          .isEqualTo(started);
      assertThat(undecided).isZero();
    }
    assertThat(pipelines).containsExactly("full", "no-op");
    assertThat(out)
        .contains("=== bench-e2e (run ", "machine     ", "load        ")
        .contains("full ÷ no-op (decisions/s reached; p99 of the decision):")
        .containsPattern("sustained .*\\n  full +(\\d+/s|none of the rates)")
        .contains("CPU per decision (ms)", "fraud.validate-transaction", "fraud.record-decision")
        .contains("accounted   every payment started was decided");
  }

  @Test
  void refusesRatesAndDeadlinesItCannotRun() {
    RunFraud.Result zero = RunFraud.run("bench-e2e", "--rates=10,0");
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).contains("--rates: a rate is 1 to 5000 payments per second, not 0");

    RunFraud.Result wait = RunFraud.run("bench-e2e", "--answer-wait=1500ms");
    assertThat(wait.exit()).isEqualTo(2);
    assertThat(wait.err()).contains("--answer-wait must be whole seconds");

    RunFraud.Result world = RunFraud.run("bench-e2e", "--merchants=5");
    assertThat(world.exit()).isEqualTo(2);
    assertThat(world.err()).contains("merchants");

    RunFraud.Result stray = RunFraud.run("bench-e2e", "fast");
    assertThat(stray.exit()).isEqualTo(2);
  }
}
