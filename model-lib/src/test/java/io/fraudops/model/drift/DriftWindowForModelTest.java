package io.fraudops.model.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.model.training.Dataset;
import io.fraudops.model.training.ModelExport;
import io.fraudops.model.training.ObliviousTreeTrainer;
import io.fraudops.model.training.SyntheticFraudData;
import io.fraudops.model.training.TrainedModel;
import io.fraudops.model.training.TrainingParams;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a serving model gets from {@link DriftWindow#forModel}: a window when the sidecar has a
 * reference.
 */
class DriftWindowForModelTest {

  @TempDir Path dir;

  @Test
  void aModelWithADriftReferenceGetsAWindowOverAllItsInputs() throws Exception {
    Dataset data = SyntheticFraudData.generate(3_000, 7);
    TrainedModel model = ObliviousTreeTrainer.fit(data, new TrainingParams(20, 3, 0.3, 16, 3.0, 7));
    ModelMetadata plain = ModelExport.metadata(model, "drifty", "3", Instant.EPOCH, data, null);
    double[] scores = new double[data.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = model.predictProbability(data.row(i));
    }
    DriftReference reference =
        ReferenceBuilder.build(List.of(data.featureNames()), data.rows(), scores);
    Path withReference = dir.resolve("with.json");
    ModelExport.write(model, withReference(plain, reference), withReference);
    Path without = dir.resolve("without.json");
    ModelExport.write(model, plain, without);

    try (ModelArtifact artifact = ModelArtifact.load(withReference.toString())) {
      DriftWindow window =
          DriftWindow.forModel(
                  artifact.info().name() + ":" + artifact.info().version(),
                  artifact.metadata().driftReference(),
                  artifact.info().featureNames())
              .orElseThrow();
      assertThat(window.model()).isEqualTo("drifty:3");
      assertThat(window.trackedFeatures()).containsExactly(data.featureNames());
      assertThat(window.capacity()).isEqualTo(DriftWindow.DEFAULT_CAPACITY);
      for (int i = 0; i < 2_000; i++) {
        double[] row = data.row(i);
        window.record(row, artifact.model().predictProbability(row));
      }
      assertThat(window.snapshot().level()).isEqualTo(DriftLevel.STABLE); // its own training rows
    }
    try (ModelArtifact artifact = ModelArtifact.load(without.toString())) {
      assertThat(
              DriftWindow.forModel(
                  artifact.info().name() + ":" + artifact.info().version(),
                  artifact.metadata().driftReference(),
                  artifact.info().featureNames()))
          .isEmpty();
    }
  }

  private static ModelMetadata withReference(ModelMetadata m, DriftReference reference) {
    return new ModelMetadata(
        m.name(),
        m.version(),
        m.trainedAt(),
        m.metrics(),
        m.baselines(),
        m.featureNames(),
        m.params(),
        reference);
  }
}
