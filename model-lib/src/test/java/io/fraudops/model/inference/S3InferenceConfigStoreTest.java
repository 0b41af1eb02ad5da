package io.fraudops.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.local.s3.EmbeddedS3;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3InferenceConfigStoreTest {

  private static EmbeddedS3 s3;

  @BeforeAll
  static void start() {
    s3 = EmbeddedS3.start("k", "secret-key");
    s3.createVersionedBucket("configs");
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  private static InferenceConfigStore store(String key) {
    return new S3InferenceConfigStore(s3.client(), "configs", key);
  }

  static byte[] config(double review) {
    return ("{\"models\": [{\"name\": \"m\", \"alias\": \"champion\", \"role\": \"decision\"}],"
            + " \"thresholds\": {\"review\": "
            + review
            + ", \"decline\": 0.9}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keepsEveryVersionAndReadsAnyOfThem() {
    InferenceConfigStore store = store("every/inference.json");
    assertThat(store.latest()).isEmpty();

    String first = store.publish(config(0.4));
    String second = store.publish(config(0.6));

    assertThat(first).isNotEqualTo(second);
    assertThat(store.latest().orElseThrow().versionId()).isEqualTo(second);
    assertThat(
            InferenceConfigJson.read(store.revision(first).orElseThrow().json(), "v1")
                .thresholds()
                .review())
        .isEqualTo(0.4);
    List<InferenceConfigStore.RevisionInfo> history = store.history();
    assertThat(history)
        .extracting(InferenceConfigStore.RevisionInfo::versionId)
        .containsExactly(second, first);
    assertThat(history.get(0).latest()).isTrue();
  }

  @Test
  void rollingBackWritesTheEarlierContentAsTheNewestVersion() {
    InferenceConfigStore store = store("rollback/inference.json");
    String good = store.publish(config(0.5));
    store.publish(config(0.7));

    String restored = store.restore(good);

    assertThat(store.latest().orElseThrow().versionId()).isEqualTo(restored);
    assertThat(store.latest().orElseThrow().json()).isEqualTo(config(0.5));
    assertThat(store.history()).hasSize(3);
    assertThatThrownBy(() -> store.restore("no-such-version")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void refusesToPublishAConfigThatDoesNotParse() {
    InferenceConfigStore store = store("bad/inference.json");
    assertThatThrownBy(() -> store.publish("{\"models\": []}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInferenceConfigException.class)
        .hasMessageContaining("models must be a non-empty array");
    assertThat(store.latest()).isEmpty();
  }
}
