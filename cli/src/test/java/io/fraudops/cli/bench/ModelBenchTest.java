package io.fraudops.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The model benchmark end to end at a tiny size: what it prints, not how fast (no timing assertions). */
class ModelBenchTest {

  @Test
  void printsTheModelAndEveryFigureLine() throws Exception {
    String printed =
        captured(
            "--calls=2000", "--trees=5", "--depth=3", "--transactions=1000", "--batch=64", "--threads=2");

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
        .containsPattern("top reason, tree vs ablation: (same on [\\d,]+ of [\\d,]+ rows|no row scored)");
  }

  @Test
  void refusesOptionsItCannotHonour() {
    assertThatThrownBy(() -> ModelBenchOptions.parse(new String[] {"--trees=5"}))
        .hasMessageContaining("--trees and --depth go together");
    assertThatThrownBy(() -> ModelBenchOptions.parse(new String[] {"--trees=5", "--depth=9"}))
        .hasMessageContaining("--depth in 1..8");
    assertThatThrownBy(() -> ModelBenchOptions.parse(new String[] {"--measure=5"}))
        .hasMessageContaining("unknown option --measure");
    ModelBenchOptions defaults = ModelBenchOptions.parse(new String[0]);
    assertThat(defaults.model()).isEqualTo(BenchOptions.DEFAULT_MODEL);
    assertThat(defaults.calls()).isEqualTo(1_000_000);
    assertThat(defaults.batch()).isEqualTo(1024);
    assertThat(defaults.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(defaults.synthetic()).isFalse();
  }

  private static String captured(String... args) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      ModelBench.main(args);
    } finally {
      System.setOut(original);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    original.print(printed);
    return printed;
  }
}
