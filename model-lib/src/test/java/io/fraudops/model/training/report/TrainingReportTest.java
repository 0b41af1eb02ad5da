package io.fraudops.model.training.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.SplitRule;
import io.fraudops.model.training.TrainingCsv;
import io.fraudops.model.training.TrainingFixtures;
import io.fraudops.model.training.TrainingResult;
import io.fraudops.model.training.TrainingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingReportTest {

  private static final String HOSTILE = "amount<script>alert('x')</script>&\"";

  @Test
  void drawsTheCurvesStatesTheMetricsAndEscapesDataText(@TempDir Path dir) throws Exception {
    TrainingResult result =
        TrainingRun.run(
            withHostileFeatureName(TrainingFixtures.shuffledRows(2000, 5)),
            TrainingFixtures.request(new SplitRule.Share(0.75)));
    Path file = dir.resolve("report.html");

    TrainingReport.write(result, file);
    String html = Files.readString(file, StandardCharsets.UTF_8);

    Matcher curves = Pattern.compile("<polyline class=\"curve\" points=\"([^\"]+)\"").matcher(html);
    int drawn = 0;
    while (curves.find()) {
      assertThat(curves.group(1).split(" ")).hasSizeGreaterThan(10);
      drawn++;
    }
    assertThat(drawn).as("ROC and PR curves").isEqualTo(2);
    assertThat(html)
        .contains("class=\"reference\"") // diagonal and base-rate lines
        .contains("class=\"fraud\"")
        .contains("class=\"legitimate\"");
    assertThat(html)
        .contains(Html.decimal(result.evaluation().summary().rocAuc(), 4))
        .contains(Html.decimal(result.evaluation().prAuc(), 4))
        .contains(Html.decimal(result.evaluation().confusion().recall(), 4))
        .contains("TP " + Html.count(result.evaluation().confusion().truePositives()))
        .contains("FP " + Html.count(result.evaluation().confusion().falsePositives()))
        .contains(result.split().cut().toString());
    assertThat(html)
        .contains("amount&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;")
        .doesNotContain("<script")
        .doesNotContain(" src=")
        .doesNotContain(" href=");
  }

  private static TrainingCsv.Rows withHostileFeatureName(TrainingCsv.Rows rows) {
    String[] names = rows.dataset().featureNames();
    names[0] = HOSTILE;
    return new TrainingCsv.Rows(
        new Dataset(names, rows.dataset().rows(), rows.dataset().labels()), rows.timestamps());
  }
}
