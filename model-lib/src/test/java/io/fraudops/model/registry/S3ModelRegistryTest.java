package io.fraudops.model.registry;

import static io.fraudops.model.registry.RegistryFixtures.tinyMetadata;
import static io.fraudops.model.registry.RegistryFixtures.tinyModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.local.s3.EmbeddedS3;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelLoadException;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3ModelRegistryTest {

  private static final String BUCKET = "models";
  private static EmbeddedS3 s3;
  private static S3ModelRegistry registry;

  @BeforeAll
  static void startS3() {
    s3 = EmbeddedS3.start(RegistryFixtures.ACCESS_KEY, RegistryFixtures.SECRET_KEY);
    s3.createVersionedBucket(BUCKET);
    registry = new S3ModelRegistry(s3.client(), BUCKET, "registry/");
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @Test
  void numbersVersionsAndAliasesFollowWhereTheyArePointed() {
    String name = RegistryFixtures.uniqueName();
    ModelVersion v1 = register(name, Map.of("holdout_auc", 0.81));
    ModelVersion v2 = register(name, Map.of("holdout_auc", 0.84));

    assertThat(List.of(v1.version(), v2.version())).containsExactly(1, 2);
    assertThat(v2.metrics()).containsEntry("holdout_auc", 0.84);
    assertThat(v1.location())
        .startsWith("s3://models/registry/" + name + "/")
        .isNotEqualTo(v2.location());
    assertThat(registry.versions(name)).containsExactly(v1, v2);
    assertThat(registry.resolve(name, "champion")).isEmpty();

    registry.setAlias(name, "champion", 1);
    assertThat(registry.resolve(name, "champion")).contains(v1);
    registry.setAlias(name, "challenger", 2);
    registry.setAlias(name, "champion", 2);
    assertThat(registry.resolve(name, "champion")).contains(v2);
    assertThat(registry.resolve(name, "challenger")).contains(v2);
    assertThat(registry.version(name, 1)).contains(v1);
  }

  @Test
  void unknownModelsAndAliasesResolveToNothing() {
    String name = RegistryFixtures.uniqueName();
    assertThat(registry.versions(name)).isEmpty();
    assertThat(registry.resolve(name, "champion")).isEmpty();
    assertThat(registry.version(name, 1)).isEmpty();
  }

  @Test
  void refusesAnAliasOnAVersionThatDoesNotExist() {
    String name = RegistryFixtures.uniqueName();
    register(name, Map.of());
    assertThatThrownBy(() -> registry.setAlias(name, "champion", 2))
        .isInstanceOf(ModelRegistryException.class)
        .hasMessageContaining("version 2");
    assertThat(registry.resolve(name, "champion")).isEmpty();
  }

  @Test
  void downloadsThroughTheValidatingLoaderWithTheRegistryVersion() {
    String name = RegistryFixtures.uniqueName();
    register(name, Map.of());
    ModelVersion v2 = register(name, Map.of());
    try (ModelArtifact artifact = registry.download(v2)) {
      assertThat(artifact.info().name()).isEqualTo(name);
      assertThat(artifact.info().version()).isEqualTo("2");
      assertThat(artifact.info().featureNames())
          .containsExactly("amount", "velocity_1h", "card_present");
      double p = artifact.scorer().score(new double[] {900.0, 6.0, 0.0}).probability();
      assertThat(p).isBetween(0.0, 1.0);
    }
  }

  @Test
  void aModelCorruptedInTheStoreIsRejectedOnDownload() throws Exception {
    String name = RegistryFixtures.uniqueName();
    ModelVersion v1 = register(name, Map.of());
    byte[] truncated =
        new String(tinyModel(), StandardCharsets.UTF_8)
            .substring(0, 200)
            .getBytes(StandardCharsets.UTF_8);
    S3Location model = ModelFiles.model(S3Location.parse(v1.location()), ModelFormat.JSON);
    s3.client()
        .putObject(
            PutObjectArgs.builder().bucket(model.bucket()).object(model.key()).stream(
                    new ByteArrayInputStream(truncated), truncated.length, -1)
                .build());

    assertThatThrownBy(() -> registry.download(v1))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining(model.toString());
  }

  @Test
  void refusesToRegisterAModelThatDoesNotLoad() {
    String name = RegistryFixtures.uniqueName();
    byte[] garbage = "{\"oblivious_trees\": 42}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> registry.register(name, garbage, ModelFormat.JSON, tinyMetadata(name), Map.of()))
        .isInstanceOf(ModelLoadException.class);
    assertThat(registry.versions(name)).isEmpty();
  }

  @Test
  void refusesMetadataNamingAnotherModel() {
    String name = RegistryFixtures.uniqueName();
    assertThatThrownBy(
            () ->
                registry.register(
                    name, tinyModel(), ModelFormat.JSON, tinyMetadata("other"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other");
  }

  @Test
  void concurrentRegistrationsGetDistinctVersionsAndNoneIsLost() throws Exception {
    String name = RegistryFixtures.uniqueName();
    int perThread = 6;
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Integer> mine = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    mine.add(register(name, Map.of()).version());
                  }
                  return mine;
                }));
      }
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> result : results) {
        all.addAll(result.get());
      }
      assertThat(all).doesNotHaveDuplicates().hasSize(2 * perThread);
      assertThat(registry.versions(name))
          .extracting(ModelVersion::version)
          .containsExactlyInAnyOrderElementsOf(all);
      assertThat(registry.versions(name))
          .extracting(ModelVersion::location)
          .doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theEmbeddedStoreChecksCredentials() {
    MinioClient wrong =
        MinioClient.builder()
            .endpoint(s3.endpoint())
            .credentials(RegistryFixtures.ACCESS_KEY, "not-the-secret")
            .build();
    S3ModelRegistry intruder = new S3ModelRegistry(wrong, BUCKET, "registry/");
    assertThatThrownBy(() -> intruder.versions("anything"))
        .isInstanceOf(ModelRegistryException.class);
  }

  private static ModelVersion register(String name, Map<String, Double> metrics) {
    return registry.register(name, tinyModel(), ModelFormat.JSON, tinyMetadata(name), metrics);
  }
}
