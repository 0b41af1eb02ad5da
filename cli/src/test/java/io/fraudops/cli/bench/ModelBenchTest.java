package io.fraudops.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.cli.RunFraud;
import org.junit.jupiter.api.Test;

/**
 * The model benchmark end to end at a tiny size: what it prints, not how fast (no timing
 * assertions).
 */
class ModelBenchTest {

  @Test
  void printsTheModelAndEveryFigureLine() {
    String printed =
        captured(
            "--calls=2000",
            "--trees=5",
            "--depth=3",
            "--transactions=1000",
            "--batch=64",
            "--threads=2");

    assertThat(printed)
        .contains("bench-synthetic:1")
        .contains("5 oblivious trees of depth <= 3 over 35 features, 5 with leaf weights")
        .contains("TreeContributionExplainer")
        .contains("Java " + Runtime.version());
    assertThat(printed).containsPattern("predictProbability +2,000( +\\d+\\.\\d+){5}");
    assertThat(printed).containsPattern("score \\+ 3 tree reasons +2,000( +\\d+\\.\\d+){5}");
    assertThat(printed).containsPattern("score \\+ 3 ablation reasons +200( +\\d+\\.\\d+){5}");
    // 2,000 rows per thread in batches of 64: 32 batches each.
    assertThat(printed).containsPattern("1 thread +32 +[\\d,]+ +\\d+\\.\\d");
    assertThat(printed).containsPattern("2 threads +64 +[\\d,]+ +\\d+\\.\\d");
    assertThat(printed)
        .containsPattern(
            "top reason, tree vs ablation: (same on [\\d,]+ of [\\d,]+ rows|no row scored)");
  }

  @Test
  void refusesOptionsItCannotHonour() {
    assertThat(RunFraud.run("bench-model", "--trees=5").err())
        .contains("--trees and --depth go together");
    RunFraud.Result tooDeep = RunFraud.run("bench-model", "--trees=5", "--depth=9");
    assertThat(tooDeep.exit()).isEqualTo(2);
    assertThat(tooDeep.err()).contains("--depth in 1..8").contains("Usage: fraud bench-model");
    assertThat(RunFraud.run("bench-model", "--measure=5").err())
        .contains("Unknown option: '--measure=5'");
    ModelBenchOptions defaults = RunFraud.parsed(BenchModelCommand.class, "bench-model").options();
    assertThat(defaults.model()).isEqualTo(BenchOptions.DEFAULT_MODEL);
    assertThat(defaults.calls()).isEqualTo(1_000_000);
    assertThat(defaults.batch()).isEqualTo(1024);
    assertThat(defaults.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(defaults.synthetic()).isFalse();
  }

  private static String captured(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "bench-model";
    System.arraycopy(args, 0, command, 1, args.length);
    RunFraud.Result result = RunFraud.run(command);
    System.out.print(result.out());
    assertThat(result.exit()).as(result.err()).isZero();
    return result.out();
  }
}
