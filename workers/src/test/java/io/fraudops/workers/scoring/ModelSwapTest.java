package io.fraudops.workers.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.local.s3.EmbeddedS3;
import io.fraudops.model.registry.ModelVersion;
import io.fraudops.model.registry.S3ModelRegistry;
import io.fraudops.model.scoring.FraudModel;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelInfo;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.workers.Resources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hot swaps through a real (in-process) S3 registry, while scoring goes on. */
class ModelSwapTest {

  private static final String BUCKET = "models";
  private static final String DEMO = "models/demo-fraud-model.json";
  private static final String THRESHOLD = "models/amount-threshold-model.json";
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static EmbeddedS3 s3;
  private static S3ModelRegistry registry;

  @BeforeAll
  static void startS3() {
    s3 = EmbeddedS3.start("swap-test", "swap-test-secret");
    s3.createVersionedBucket(BUCKET);
    registry = new S3ModelRegistry(s3.client(), BUCKET, "");
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @Test
  void swapsUnderLoadWithoutAFailedScoreAndClosesEveryReplacedModelOnce() throws Exception {
    String name = "swap-" + NAMES.incrementAndGet();
    ModelVersion demo = register(name, DEMO, Resources.bytes(DEMO));
    ModelVersion threshold = register(name, THRESHOLD, Resources.bytes(THRESHOLD));
    ServingModel serving = servingModel();
    Map<String, Object> features = allFeatures();

    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong scores = new AtomicLong();
    List<String> failures = new ArrayList<>();
    Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
    ExecutorService scorers = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      running.add(
          scorers.submit(
              () -> {
                while (!stop.get()) {
                  ScoreOutcome outcome = serving.score(features);
                  if (!outcome.available()) {
                    synchronized (failures) {
                      failures.add(outcome.problem());
                    }
                  }
                  versionsSeen.add(String.valueOf(outcome.modelVersion()));
                  scores.incrementAndGet();
                }
              }));
    }

    List<CountingModel> swappedIn = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        ModelArtifact downloaded = registry.download(i % 2 == 0 ? demo : threshold);
        CountingModel counting = new CountingModel(downloaded.model());
        swappedIn.add(counting);
        serving.swap(
            new ModelArtifact(counting, downloaded.metadata(), downloaded.location()), "test");
        long before = scores.get();
        // Let the scorers run on this model before the next swap, so swaps overlap real scoring.
        while (scores.get() < before + 20) {
          Thread.onSpinWait();
        }
      }
    } finally {
      stop.set(true);
      for (Future<?> future : running) {
        future.get();
      }
      scorers.shutdown();
    }

    assertThat(failures).isEmpty();
    assertThat(versionsSeen).contains(name + ":1", name + ":2");
    assertThat(scores.get()).isGreaterThan(200 * 20);
    // Every model but the one serving now was replaced and closed exactly once.
    for (int i = 0; i < swappedIn.size() - 1; i++) {
      assertThat(swappedIn.get(i).closes.get()).as("closes of swap %d", i).isEqualTo(1);
    }
    CountingModel last = swappedIn.getLast();
    assertThat(last.closes.get()).isZero();
    serving.close();
    assertThat(last.closes.get()).isEqualTo(1);
    assertThat(swappedIn).allSatisfy(model -> assertThat(model.usedAfterClose.get()).isZero());
  }

  @Test
  void anIncompatibleOrCorruptChampionIsRejectedAndThePreviousVersionKeepsServing()
      throws Exception {
    String name = "swap-" + NAMES.incrementAndGet();
    ServingModel serving = servingModel();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ServingPoller poller =
        new ServingPoller(registry, null, serving, properties(name), null, meters);

    registry.setAlias(
        name, "champion", register(name, THRESHOLD, Resources.bytes(THRESHOLD)).version());
    poller.poll();
    assertThat(serving.describe()).isEqualTo(name + ":1");

    // Registers fine (the model loads) but needs a feature the catalogue does not have.
    byte[] renamed = replace(Resources.bytes(THRESHOLD), "\"is_ecommerce\"", "\"shoe_size\"");
    ModelVersion incompatible =
        register(
            name,
            THRESHOLD,
            renamed,
            replace(
                Resources.bytes(THRESHOLD + ".meta.json"), "\"is_ecommerce\"", "\"shoe_size\""));
    registry.setAlias(name, "champion", incompatible.version());
    poller.poll();
    assertThat(serving.describe()).isEqualTo(name + ":1");
    assertThat(swaps(meters, "rejected")).isEqualTo(1);

    // Valid when registered, overwritten in the bucket afterwards.
    ModelVersion corrupt = register(name, THRESHOLD, Resources.bytes(THRESHOLD));
    overwriteModelFile(corrupt, "{\"oblivious_trees\": [".getBytes(StandardCharsets.UTF_8));
    registry.setAlias(name, "champion", corrupt.version());
    poller.poll();
    poller.poll(); // a rejected version is not retried until the alias moves
    assertThat(serving.describe()).isEqualTo(name + ":1");
    assertThat(swaps(meters, "rejected")).isEqualTo(2);
    ScoreOutcome outcome = serving.score(allFeatures());
    assertThat(outcome.available()).isTrue();
    assertThat(outcome.modelVersion()).isEqualTo(name + ":1");

    registry.setAlias(name, "champion", register(name, DEMO, Resources.bytes(DEMO)).version());
    poller.poll();
    assertThat(serving.describe()).isEqualTo(name + ":4");
    assertThat(swaps(meters, "ok")).isEqualTo(2);
    serving.close();
  }

  private static double swaps(SimpleMeterRegistry meters, String result) {
    return meters.get("fraud.model.swaps").tag("result", result).counter().count();
  }

  private static ServingModel servingModel() {
    return new ServingModel(
        new ModelProperties("classpath:" + THRESHOLD, 3, 0.5, 0.9),
        FeatureCatalogue.current(),
        new SimpleMeterRegistry());
  }

  static RegistryProperties properties(String name) {
    return new RegistryProperties(
        true,
        name,
        "champion",
        Duration.ofMillis(200),
        null,
        "k",
        "s",
        BUCKET,
        "",
        null,
        false,
        "",
        "",
        "mlflow",
        "");
  }

  private static Map<String, Object> allFeatures() {
    Map<String, Object> features = new HashMap<>();
    for (String feature : FeatureCatalogue.current().names()) {
      features.put(feature, 1.0);
    }
    features.put("amount", 120.0);
    return features;
  }

  private static ModelVersion register(String name, String path, byte[] model) {
    return register(name, path, model, Resources.bytes(path + ".meta.json"));
  }

  private static ModelVersion register(String name, String path, byte[] model, byte[] sidecar) {
    ModelMetadata read = ModelMetadata.read(sidecar, path);
    ModelMetadata metadata =
        new ModelMetadata(
            name,
            read.version(),
            read.trainedAt(),
            read.metrics(),
            read.baselines(),
            read.featureNames());
    return registry.register(name, model, ModelFormat.JSON, metadata, Map.of());
  }

  private static void overwriteModelFile(ModelVersion version, byte[] bytes) throws Exception {
    String key = version.location().substring(("s3://" + BUCKET + "/").length()) + "/model.json";
    s3.client()
        .putObject(
            PutObjectArgs.builder().bucket(BUCKET).object(key).stream(
                    new ByteArrayInputStream(bytes), bytes.length, -1)
                .build());
  }

  private static byte[] replace(byte[] bytes, String from, String to) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
  }

  /** Counts closes, and predictions made after one, which must never happen. */
  private static final class CountingModel implements FraudModel {

    final FraudModel delegate;
    final AtomicInteger closes = new AtomicInteger();
    final AtomicInteger usedAfterClose = new AtomicInteger();

    CountingModel(FraudModel delegate) {
      this.delegate = delegate;
    }

    @Override
    public ModelInfo info() {
      return delegate.info();
    }

    @Override
    public double predictRaw(double[] features) {
      if (closes.get() > 0) {
        usedAfterClose.incrementAndGet();
        throw new IllegalStateException("model used after close");
      }
      return delegate.predictRaw(features);
    }

    @Override
    public void close() {
      closes.incrementAndGet();
      delegate.close();
    }
  }
}
