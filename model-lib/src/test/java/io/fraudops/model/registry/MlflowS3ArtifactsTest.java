package io.fraudops.model.registry;

import static io.fraudops.model.registry.RegistryFixtures.tinyMetadata;
import static io.fraudops.model.registry.RegistryFixtures.tinyModel;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.local.s3.EmbeddedS3;
import io.fraudops.model.python.MlflowServer;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real MLflow server whose artifact store is S3 ({@code --artifacts-destination
 * s3://mlflow/artifacts}, an in-process S3 here): a service given the bucket's credentials reads
 * and writes the files there directly, and one given only the MLflow URL gets the same files
 * through the proxy.
 */
class MlflowS3ArtifactsTest {

  private static final String BUCKET = "mlflow";
  @TempDir static Path dir;
  private static EmbeddedS3 s3;
  private static MlflowServer server;

  @BeforeAll
  static void start() {
    s3 = EmbeddedS3.start(RegistryFixtures.ACCESS_KEY, RegistryFixtures.SECRET_KEY);
    s3.createVersionedBucket(BUCKET);
    server =
        MlflowServer.start(
            dir,
            "s3://" + BUCKET + "/artifacts",
            true,
            Map.of(
                "MLFLOW_S3_ENDPOINT_URL",
                s3.endpoint(),
                "AWS_ACCESS_KEY_ID",
                RegistryFixtures.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY",
                RegistryFixtures.SECRET_KEY,
                "AWS_DEFAULT_REGION",
                "us-east-1"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void filesWrittenInTheBucketAreServedThroughTheProxyAndBack() {
    String name = RegistryFixtures.uniqueName();
    MlflowModelRegistry direct =
        new MlflowModelRegistry(
            server.uri(), null, s3.client(), new MlflowArtifactStore(BUCKET, "artifacts/"));
    MlflowModelRegistry proxied = new MlflowModelRegistry(server.uri(), null);

    ModelVersion v1 =
        direct.register(name, tinyModel(), ModelFormat.JSON, tinyMetadata(name), Map.of());
    ModelVersion v2 =
        proxied.register(name, tinyModel(), ModelFormat.JSON, tinyMetadata(name), Map.of());

    assertThat(v1.location()).startsWith("mlflow-artifacts:/");
    S3Location inBucket =
        new MlflowArtifactStore(BUCKET, "artifacts/").locate(v2.location()).child("model.json");
    assertThat(new S3Objects(s3.client()).get(inBucket))
        .as("the proxy wrote into the bucket")
        .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(tinyModel()));
    for (ModelVersion version : new ModelVersion[] {v1, v2}) {
      for (MlflowModelRegistry reader : new MlflowModelRegistry[] {direct, proxied}) {
        try (ModelArtifact artifact =
            reader.download(reader.version(name, version.version()).orElseThrow())) {
          assertThat(artifact.info().version()).isEqualTo(String.valueOf(version.version()));
        }
      }
    }
  }
}
