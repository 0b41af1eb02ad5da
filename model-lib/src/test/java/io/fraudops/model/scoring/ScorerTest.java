package io.fraudops.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {

  @Test
  void scoresWithModelIdentityAndTopThreeReasons() {
    ModelArtifact artifact = ModelArtifact.load("classpath:" + Fixtures.TINY);
    try (artifact) {
      Scorer scorer = artifact.scorer();

      ScoreResult result = scorer.score(new double[] {800, 5, 0});

      assertThat(result.probability()).isEqualTo(Sigmoid.apply(0.5));
      assertThat(result.modelName()).isEqualTo("tiny-fraud");
      assertThat(result.modelVersion()).isEqualTo("7");
      assertThat(result.reasons())
          .hasSizeLessThanOrEqualTo(Scorer.DEFAULT_TOP_REASONS)
          .extracting(ReasonCode::feature)
          .contains("velocity_1h", "amount");
    }
  }

  @Test
  void needsOneBaselinePerFeature() {
    try (ModelArtifact artifact = ModelArtifact.load("classpath:" + Fixtures.TINY)) {
      assertThatThrownBy(() -> new Scorer(artifact.model(), new AblationExplainer(), new double[2]))
          .hasMessageContaining("has 3 features but 2 baselines");
    }
  }

  @Test
  void resultsAreValidated() {
    assertThatThrownBy(() -> new ScoreResult(1.5, "m", "1", List.of()))
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> new ReasonCode("f", 1, Double.NaN)).hasMessageContaining("finite");
  }
}
