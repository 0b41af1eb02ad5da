package io.fraudops.cli.training;

import io.fraudops.model.training.ModelExport;
import io.fraudops.model.training.TrainingResult;
import io.fraudops.model.training.report.TrainingReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files one training run leaves: CatBoost JSON model, its sidecar, and the HTML report. */
record TrainedFiles(Path model, Path sidecar, Path report) {

  /**
   * Writes {@code <stem>.json}, {@code <stem>.json.meta.json} and {@code <stem>.html} into {@code
   * dir}. A stem already taken (two runs in one second) gets a counter rather than overwriting a
   * model.
   */
  static TrainedFiles write(TrainingResult result, Path dir, String stem) throws IOException {
    Files.createDirectories(dir);
    String free = stem;
    for (int n = 2;
        Files.exists(dir.resolve(free + ".json")) || Files.exists(dir.resolve(free + ".html"));
        n++) {
      free = stem + "-" + n;
    }
    Path model = dir.resolve(free + ".json");
    Path sidecar = ModelExport.write(result.model(), result.metadata(), model);
    Path report = dir.resolve(free + ".html");
    TrainingReport.write(result, report);
    return new TrainedFiles(model, sidecar, report);
  }
}
