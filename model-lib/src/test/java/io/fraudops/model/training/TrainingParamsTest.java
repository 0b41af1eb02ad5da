package io.fraudops.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingParamsTest {

  @Test
  void defaultsAreCatBoostLike() {
    TrainingParams params = TrainingParams.defaults();

    assertThat(params.iterations()).isEqualTo(200);
    assertThat(params.depth()).isEqualTo(6);
    assertThat(params.borderCount()).isEqualTo(32);
    assertThat(params.withDepth(3).depth()).isEqualTo(3);
    assertThat(new TrainingParams(10, 2, 0.3, 8, 1, 5).subsample()).isEqualTo(1.0);
  }

  @Test
  void rejectsOutOfRangeValues() {
    TrainingParams ok = TrainingParams.defaults();
    assertThatThrownBy(() -> ok.withDepth(0)).hasMessageContaining("depth");
    assertThatThrownBy(() -> ok.withDepth(9)).hasMessageContaining("depth");
    assertThatThrownBy(() -> ok.withLearningRate(0)).hasMessageContaining("learningRate");
    assertThatThrownBy(() -> ok.withIterations(0)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> new TrainingParams(10, 2, 0.1, 255, 3, 1))
        .hasMessageContaining("borderCount");
    assertThatThrownBy(() -> new TrainingParams(10, 2, 0.1, 8, -1, 1))
        .hasMessageContaining("l2LeafReg");
    assertThatThrownBy(() -> new TrainingParams(10, 2, 0.1, 8, 1, 1, 0))
        .hasMessageContaining("subsample");
  }
}
