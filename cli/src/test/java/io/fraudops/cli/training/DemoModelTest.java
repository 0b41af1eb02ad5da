package io.fraudops.cli.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.training.TrainingSet;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.training.evaluation.Metrics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo model matches today's feature catalogue and still separates fraud from normal
 * payments on a stream it never saw (another seed). Fails when the catalogue or the generator
 * change without {@code ./fraud train-demo-model}.
 */
class DemoModelTest {

  @Test
  void servesTheCatalogueFeaturesInOrder() {
    try (ModelArtifact model = ModelArtifact.load("classpath:models/demo-fraud-model.json")) {
      assertThat(model.info().featureNames()).isEqualTo(FeatureCatalogue.current().names());
      assertThat(model.baselines()).hasSize(FeatureCatalogue.current().size());
    }
  }

  @Test
  void separatesFraudOnAnUnseenStream() {
    TrainingSet unseen =
        DemoModelTrainer.history(new DemoTrainingOptions(Path.of("unused"), 99, 500, 60, 20_000));
    double[] scores = new double[unseen.size()];
    try (ModelArtifact model = ModelArtifact.load("classpath:models/demo-fraud-model.json")) {
      for (int i = 0; i < scores.length; i++) {
        scores[i] = model.model().predictProbability(unseen.rows()[i]);
      }
    }
    assertThat(unseen.positives()).isGreaterThan(100);
    assertThat(Metrics.rocAuc(scores, unseen.labels())).isGreaterThan(0.95);
  }
}
