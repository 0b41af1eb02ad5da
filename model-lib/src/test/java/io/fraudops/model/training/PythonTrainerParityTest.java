package io.fraudops.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudops.model.python.PythonEnvironment;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python training path ({@code data-science/train_catboost.py}) judges a model on the same
 * later period as {@link TimeSplit}: same cut, same rows on each side, for share and instant splits
 * on a file with many payments at the same instant, in shuffled order. And the data-science
 * folder's own pytest suite passes.
 */
class PythonTrainerParityTest {

  private static final Duration PYTHON = Duration.ofMinutes(5);

  @TempDir Path dir;

  @Test
  void bothTrainersSplitAFileAtTheSameInstantWithTheSameRows() throws IOException {
    List<String> lines = new ArrayList<>();
    Random random = new Random(3);
    long start = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 3_000; i++) {
      // Four payments per instant, half a second apart: many ties, some cuts on a fraction of a
      // second.
      lines.add(
          random.nextDouble()
              + ","
              + (random.nextDouble() < 0.05 ? 1 : 0)
              + ","
              + (start + (i / 4) * 500L));
    }
    Collections.shuffle(lines, random);
    lines.addFirst("amount,label,timestamp");
    Path csv = Files.write(dir.resolve("ties.csv"), lines);
    TrainingCsv.Rows rows = TrainingCsv.read(new StringReader(String.join("\n", lines)));

    PythonEnvironment python = PythonEnvironment.get();
    for (SplitRule rule :
        List.of(
            new SplitRule.Share(0.8),
            new SplitRule.Share(0.37),
            new SplitRule.Share(0.5),
            new SplitRule.At(Instant.parse("2025-03-01T00:03:07.500Z")))) {
      TimeSplit java = TimeSplit.of(rows, rule);
      String argument =
          rule instanceof SplitRule.Share s
              ? "train_share=" + s.share()
              : "split_at='" + ((SplitRule.At) rule).instant() + "'";
      String printed =
          python.run(
              PYTHON,
              python.dataScience(),
              Map.of(),
              "-c",
              "import json, train_catboost as tc; d = tc.read_training_set('"
                  + csv
                  + "'); "
                  + "print(json.dumps(tc.time_split(d, "
                  + argument
                  + ").describe(d)))");
      JsonNode py = new ObjectMapper().readTree(printed);
      assertThat(py.path("split_at").asText())
          .as("cut of %s", rule)
          .isEqualTo(java.cut().toString());
      assertThat(py.path("train_rows").asInt())
          .as("training rows of %s", rule)
          .isEqualTo(java.train().rows());
      assertThat(py.path("train_fraud").asInt()).isEqualTo(java.train().fraud());
      assertThat(py.path("train_until").asText()).isEqualTo(java.train().last().toString());
      assertThat(py.path("evaluate_from").asText()).isEqualTo(java.evaluation().first().toString());
      assertThat(py.path("evaluate_rows").asInt()).isEqualTo(java.evaluation().rows());
    }
  }

  @Test
  void theDataScienceTestsPass() {
    PythonEnvironment python = PythonEnvironment.get();
    String printed =
        python.run(
            PYTHON,
            python.dataScience(),
            Map.of(),
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests");
    assertThat(printed).containsPattern("\\d+ passed").doesNotContain("failed");
  }
}
