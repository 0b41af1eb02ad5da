package io.fraudops.workers.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.local.s3.EmbeddedS3;
import io.fraudops.model.drift.Bins;
import io.fraudops.model.inference.InferenceConfigStore;
import io.fraudops.model.inference.S3InferenceConfigStore;
import io.fraudops.model.registry.S3ModelRegistry;
import io.fraudops.model.scoring.ModelFormat;
import io.fraudops.model.scoring.ModelMetadata;
import io.fraudops.workers.Resources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inference configuration as versioned S3 objects, followed by the poller while scoring goes
 * on.
 */
class InferenceConfigSwapTest {

  private static final String BUCKET = "models";
  private static final String DEMO = "models/demo-fraud-model.json";
  private static final String THRESHOLD = "models/amount-threshold-model.json";
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static EmbeddedS3 s3;
  private static S3ModelRegistry registry;

  private String name;
  private String key;
  private InferenceConfigStore configs;
  private ServingModel serving;
  private SimpleMeterRegistry meters;
  private ServingPoller poller;

  @BeforeAll
  static void startS3() {
    s3 = EmbeddedS3.start("config-test", "config-test-secret");
    s3.createVersionedBucket(BUCKET);
    registry = new S3ModelRegistry(s3.client(), BUCKET, "");
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  /**
   * Model {@code name}: v1 the amount-threshold model (champion), v2 the demo model (challenger).
   */
  @BeforeEach
  void registerModels() {
    name = "cfg-" + NAMES.incrementAndGet();
    key = name + "/inference-config.json";
    configs = new S3InferenceConfigStore(s3.client(), BUCKET, key);
    registry.setAlias(name, "champion", register(THRESHOLD));
    registry.setAlias(name, "challenger", register(DEMO));
    serving =
        new ServingModel(
            new ModelProperties("classpath:" + THRESHOLD, 3, 0.5, 0.9),
            FeatureCatalogue.current(),
            new SimpleMeterRegistry());
    meters = new SimpleMeterRegistry();
    poller = poller(null);
  }

  @AfterEach
  void close() {
    serving.close();
  }

  private ServingPoller poller(String pinned) {
    return new ServingPoller(
        registry, configs, serving, ModelSwapTest.properties(name), pinned, meters);
  }

  @Test
  void aShadowModelIsScoredAndRecordedButTheDecisionModelAloneDecides() {
    publish(
        config(
            "{\"name\": \"%s\", \"alias\": \"champion\", \"role\": \"decision\"},"
                + " {\"name\": \"%s\", \"alias\": \"challenger\", \"role\": \"shadow\"}",
            0.4, 0.8));
    poller.poll();

    ScoreOutcome outcome = serving.score(features(950));

    assertThat(outcome.modelVersion()).isEqualTo(name + ":1");
    assertThat(outcome.score()).isGreaterThan(0.9); // the amount-threshold model: 950 is high risk
    assertThat(outcome.shadowScores())
        .singleElement()
        .satisfies(
            shadow -> {
              assertThat(shadow.get("model")).isEqualTo(name + ":2");
              assertThat((Double) shadow.get("score"))
                  .isBetween(0.0, 1.0)
                  .isNotEqualTo(outcome.score());
            });
    assertThat(outcome.thresholds()).isEqualTo(Map.of("review", 0.4, "decline", 0.8));
    assertThat(outcome.configVersion()).isEqualTo(configs.latest().orElseThrow().versionId());
  }

  @Test
  void aBadConfigIsRejectedWithAClearErrorAndThePreviousOneStaysLive() {
    String good =
        publish(
            config(
                "{\"name\": \"%s\", \"alias\": \"champion\", \"role\": \"decision\"}", 0.4, 0.8));
    poller.poll();

    putRaw("{\"models\": [ this is not JSON");
    poller.poll();
    assertLive(good, "not valid JSON");

    publish(
        config(
            "{\"name\": \"%s\", \"alias\": \"champion\", \"role\": \"decision\"}",
            ", \"features\": {\"amount\": \"amount_in_yen\"}", 0.4, 0.8));
    poller.poll();
    assertLive(good, "features.amount maps to unknown feature 'amount_in_yen'");

    publish(
        config(
            "{\"name\": \"%s\", \"alias\": \"champion\", \"role\": \"decision\"},"
                + " {\"name\": \"%s\", \"alias\": \"nightly\", \"role\": \"shadow\"}",
            0.4, 0.8));
    poller.poll();
    assertLive(good, "the registry has no model " + name + "@nightly");
    assertThat(meters.get("fraud.inference.config.rejections").counter().count()).isEqualTo(3);
  }

  @Test
  void rollingBackIsServingAnEarlierObjectVersion() {
    String first =
        publish(
            config(
                "{\"name\": \"%s\", \"alias\": \"champion\", \"role\": \"decision\"}", 0.4, 0.8));
    poller.poll();
    publish(
        config("{\"name\": \"%s\", \"alias\": \"challenger\", \"role\": \"decision\"}", 0.3, 0.6));
    poller.poll();
    assertThat(serving.score(features(100)).modelVersion()).isEqualTo(name + ":2");

    // One deployment pinned to the earlier object version...
    ServingModel pinnedServing = serving;
    ServingPoller pinned = poller(first);
    pinned.poll();
    assertThat(pinnedServing.score(features(100)).modelVersion()).isEqualTo(name + ":1");
    assertThat(pinnedServing.score(features(100)).configVersion()).isEqualTo(first);

    // ...or every deployment, by restoring it as the newest version.
    String restored = configs.restore(first);
    poller.poll();
    ScoreOutcome outcome = serving.score(features(100));
    assertThat(outcome.modelVersion()).isEqualTo(name + ":1");
    assertThat(outcome.configVersion()).isEqualTo(restored);
    assertThat(outcome.thresholds()).isEqualTo(Map.of("review", 0.4, "decline", 0.8));
  }

  @Test
  void whenNothingServesAndTheDecisionModelIsBrokenTheFallbackVersionServes() {
    serving.close(); // as after a failed start: no decision model at all
    int broken = register(THRESHOLD);
    overwrite(broken);
    registry.setAlias(name, "champion", broken);
    publish(
        config(
            "{\"name\": \"%s\", \"alias\": \"champion\", \"role\": \"decision\"}",
            ", \"fallback\": {\"name\": \"%s\", \"version\": 1}", 0.4, 0.8));

    poller.poll();

    ScoreOutcome outcome = serving.score(features(100));
    assertThat(outcome.available()).isTrue();
    assertThat(outcome.modelVersion()).isEqualTo(name + ":1");
  }

  @Test
  void anAliasThatResolvesToNothingIsReportedOnceNotAtEveryPoll() {
    // No stored config: the default one follows name@nightly, which the registry does not have
    // (yet).
    ServingPoller nightly =
        new ServingPoller(
            registry,
            null,
            serving,
            new RegistryProperties(
                true,
                name,
                "nightly",
                java.time.Duration.ofMillis(200),
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
                ""),
            null,
            meters);
    nightly.poll();
    nightly.poll();
    nightly.poll();

    assertThat(meters.get("fraud.model.swaps").tag("result", "rejected").counter().count())
        .isEqualTo(1);
    assertThat(nightly.status().lastRejection())
        .contains("the registry has no model " + name + "@nightly");
    assertThat(serving.score(features(100)).available()).isTrue(); // the file model keeps serving

    registry.setAlias(name, "nightly", 2);
    nightly.poll();
    assertThat(serving.score(features(100)).modelVersion()).isEqualTo(name + ":2");
  }

  @Test
  void aModelThatWouldDeclineEveryPaymentIsRefusedByThePromotionGuard() {
    ServingPoller guarded =
        new ServingPoller(
            registry,
            null,
            serving,
            ModelSwapTest.properties(name),
            null,
            meters,
            new GuardProperties(true, 2000, 200, 0.05, 0.10, 0.25, 1.0));
    guarded.poll();
    // Recent traffic: mostly small payments, a few large ones.
    for (int i = 0; i < 300; i++) {
      serving.score(features(i % 20 == 0 ? 950 : 40 + i % 50));
    }
    // A well-formed model whose bias pushes every score to ~1: it would decline everything.
    String biased =
        new String(Resources.bytes(THRESHOLD), StandardCharsets.UTF_8)
            .replaceFirst(
                "(?s)\"scale_and_bias\"\\s*:\\s*\\[\\s*1\\.0,\\s*\\[\\s*0\\.0",
                "\"scale_and_bias\": [1.0, [20.0");
    assertThat(biased).contains("[20.0");
    ModelMetadata metadata =
        ModelMetadata.read(Resources.bytes(THRESHOLD + ".meta.json"), THRESHOLD).withName(name);
    int bad =
        registry
            .register(
                name, biased.getBytes(StandardCharsets.UTF_8), ModelFormat.JSON, metadata, Map.of())
            .version();
    registry.setAlias(name, "champion", bad);

    guarded.poll();

    assertThat(serving.describe()).isEqualTo(name + ":1");
    assertThat(serving.score(features(40)).score()).isLessThan(0.5);
    assertThat(guarded.status().lastRejection())
        .contains("promotion guard")
        .contains("decline rate");
    assertThat(meters.counter("fraud.promotion.guard.refusals").count()).isEqualTo(1.0);
  }

  @Test
  void theGuardLetsAComparableModelThrough() {
    ServingPoller guarded =
        new ServingPoller(
            registry,
            null,
            serving,
            ModelSwapTest.properties(name),
            null,
            meters,
            new GuardProperties(true, 2000, 200, 0.05, 0.10, 0.25, 1.0));
    guarded.poll();
    for (int i = 0; i < 300; i++) {
      serving.score(features(i % 20 == 0 ? 950 : 40 + i % 50));
    }
    registry.setAlias(name, "champion", register(THRESHOLD)); // the same behaviour, a new version
    guarded.poll();
    assertThat(serving.describe()).isEqualTo(name + ":3");
  }

  @Test
  void aFeatureMappingToAFeatureOfAnotherMeaningIsRefused() {
    ServingPoller guarded =
        new ServingPoller(
            registry,
            configs,
            serving,
            ModelSwapTest.properties(name),
            null,
            meters,
            new GuardProperties(true, 2000, 200, 0.05, 0.10, 0.25, 1.0));
    // The demo model, whose sidecar holds its training distributions, reading its inputs by name.
    String plain =
        publish(
            config(
                "{\"name\": \"%s\", \"alias\": \"challenger\", \"role\": \"decision\"}", 0.4, 0.8));
    guarded.poll();
    assertThat(guarded.status().configVersion()).isEqualTo(plain);
    // Recent traffic whose amounts are distributed as in training; txn_amount_24h carries the same
    // values, txn_count_24h small counts.
    Bins amounts =
        ModelMetadata.read(Resources.bytes(DEMO + ".meta.json"), DEMO)
            .driftReference()
            .features()
            .stream()
            .filter(b -> b.name().equals("amount"))
            .findFirst()
            .orElseThrow();
    int n = 400;
    for (int i = 0; i < n; i++) {
      double amount = valueAtQuantile(amounts, (i + 0.5) / n);
      Map<String, Object> row = features(amount);
      row.put("txn_amount_24h", amount);
      row.put("txn_count_24h", (double) (i % 3));
      serving.score(row);
    }

    String wrong =
        publish(
            config(
                "{\"name\": \"%s\", \"alias\": \"challenger\", \"role\": \"decision\"}",
                ", \"features\": {\"amount\": \"txn_count_24h\"}", 0.4, 0.8));
    guarded.poll();
    assertThat(guarded.status().configVersion()).isEqualTo(plain);
    assertThat(guarded.status().lastRejection())
        .contains("feature mapping amount <- txn_count_24h")
        .contains("disagrees with what amount was trained on");
    assertThat(wrong).isNotEqualTo(plain);

    String same =
        publish(
            config(
                "{\"name\": \"%s\", \"alias\": \"challenger\", \"role\": \"decision\"}",
                ", \"features\": {\"amount\": \"txn_amount_24h\"}", 0.4, 0.8));
    guarded.poll();
    assertThat(guarded.status().configVersion())
        .as("a mapping of the same quantity serves")
        .isEqualTo(same);
  }

  /** A value in the bin holding quantile {@code q} of the training distribution. */
  private static double valueAtQuantile(Bins bins, double q) {
    double[] edges = bins.edges();
    double cumulative = 0;
    for (int bin = 0; bin < bins.binCount(); bin++) {
      cumulative += bins.share(bin);
      if (q <= cumulative || bin == bins.binCount() - 1) {
        if (bin == edges.length + 1) {
          return Double.NaN;
        }
        return bin < edges.length ? edges[bin] : edges[edges.length - 1] + 1;
      }
    }
    throw new AssertionError("unreachable");
  }

  private void assertLive(String configVersion, String rejection) {
    ScoreOutcome outcome = serving.score(features(100));
    assertThat(outcome.available()).isTrue();
    assertThat(outcome.configVersion()).isEqualTo(configVersion);
    assertThat(outcome.thresholds()).isEqualTo(Map.of("review", 0.4, "decline", 0.8));
    assertThat(poller.status().lastRejection()).contains(rejection);
    assertThat(poller.status().configVersion()).isEqualTo(configVersion);
  }

  private String config(String models, double review, double decline) {
    return config(models, "", review, decline);
  }

  private String config(String models, String more, double review, double decline) {
    return ("{\"models\": ["
            + models
            + "]"
            + more
            + ", \"thresholds\": {\"review\": "
            + review
            + ", \"decline\": "
            + decline
            + "}}")
        .replace("%s", name);
  }

  private String publish(String json) {
    return configs.publish(json.getBytes(StandardCharsets.UTF_8));
  }

  private int register(String path) {
    ModelMetadata metadata =
        ModelMetadata.read(Resources.bytes(path + ".meta.json"), path).withName(name);
    return registry
        .register(name, Resources.bytes(path), ModelFormat.JSON, metadata, Map.of())
        .version();
  }

  /** A hand upload that bypasses the store's own parse check, as `mc cp` would. */
  private void putRaw(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try {
      s3.client()
          .putObject(
              PutObjectArgs.builder().bucket(BUCKET).object(key).stream(
                      new ByteArrayInputStream(bytes), bytes.length, -1)
                  .build());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void overwrite(int version) {
    String location = registry.version(name, version).orElseThrow().location();
    byte[] bytes = "{\"oblivious_trees\": [".getBytes(StandardCharsets.UTF_8);
    try {
      s3.client()
          .putObject(
              PutObjectArgs.builder()
                  .bucket(BUCKET)
                  .object(location.substring(("s3://" + BUCKET + "/").length()) + "/model.json")
                  .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
                  .build());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> features(double amount) {
    Map<String, Object> features = new HashMap<>();
    for (String feature : FeatureCatalogue.current().names()) {
      features.put(feature, 0.0);
    }
    features.put("amount", amount);
    return features;
  }
}
