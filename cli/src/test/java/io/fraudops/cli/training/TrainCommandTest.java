package io.fraudops.cli.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.cli.RunFraud;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import io.fraudops.feature.training.PointInTimeExport;
import io.fraudops.local.s3.EmbeddedS3;
import io.fraudops.model.registry.ModelRegistry;
import io.fraudops.model.registry.ModelVersion;
import io.fraudops.model.registry.S3ModelRegistry;
import io.fraudops.model.scoring.ModelArtifact;
import io.fraudops.model.scoring.ModelMetadata;
import io.minio.StatObjectArgs;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./fraud train} end to end: a CSV in, model files and a report out, a version in the
 * registry.
 */
class TrainCommandTest {

  private static final String KEY = "train-test";
  private static final String SECRET = "train-test-secret";
  private static final String BUCKET = "models";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T14:30:00Z"), ZoneOffset.UTC);
  private static final String[] SMALL = {"--iterations=30", "--depth=4"};

  @TempDir static Path shared;
  private static EmbeddedS3 s3;
  private static Path export;

  @TempDir Path out;
  private final StringBuilder console = new StringBuilder();

  @BeforeAll
  static void startRegistryAndExportAHistory() throws Exception {
    s3 = EmbeddedS3.start(KEY, SECRET, 0);
    s3.createVersionedBucket(BUCKET);
    // As ./fraud export-training-set writes it: point-in-time features of a synthetic labelled
    // history.
    SyntheticWorld world = SyntheticWorld.create(7, 300, 40);
    var generator =
        new TransactionGenerator(
            world, GeneratorSettings.defaults(7).withTransactionsPerSecond(300 * 3.0 / 86_400));
    export = shared.resolve("training.csv");
    try (Writer csv = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
      new PointInTimeExport(FeatureCatalogue.current(), CustomerProfiles.of(world.profiles()))
          .export(generator.history().limit(30_000), csv);
    }
  }

  @AfterAll
  static void stopRegistry() {
    s3.close();
  }

  @Test
  void trainsWritesTheFilesAndRegistersNumberedVersionsWithMetricsParamsAndAlias()
      throws Exception {
    String name = "train-e2e";

    String[] args = {
      "--file=" + export,
      "--name=" + name,
      "--alias=challenger",
      "--fraud.model.registry.endpoint=" + s3.endpoint(),
      "--fraud.model.registry.access-key=" + KEY,
      "--fraud.model.registry.secret-key=" + SECRET,
      "--fraud.model.registry.bucket=" + BUCKET
    };
    assertThat(train(args)).as(console()).isZero();
    assertThat(train(args)).as(console()).isZero();

    assertThat(files())
        .containsExactlyInAnyOrder(
            name + "-20261123-143000.json",
            name + "-20261123-143000.json.meta.json",
            name + "-20261123-143000.html",
            name + "-20261123-143000-2.json",
            name + "-20261123-143000-2.json.meta.json",
            name + "-20261123-143000-2.html");
    ModelRegistry registry = new S3ModelRegistry(s3.client(), BUCKET, "");
    List<ModelVersion> versions = registry.versions(name);
    assertThat(versions).extracting(ModelVersion::version).containsExactly(1, 2);
    assertThat(versions.getFirst().metrics())
        .containsKeys(
            "holdout_auc",
            "holdout_pr_auc",
            "holdout_precision",
            "holdout_recall",
            "holdout_f1",
            "holdout_tp",
            "holdout_fp",
            "holdout_tn",
            "holdout_fn",
            "train_auc");
    assertThat(versions.getFirst().metrics().get("holdout_auc")).isGreaterThan(0.8);
    assertThat(registry.resolve(name, "challenger")).map(ModelVersion::version).contains(2);
    try (ModelArtifact served = registry.download(versions.getFirst())) {
      ModelMetadata metadata = served.metadata();
      assertThat(metadata.params())
          .containsEntry("iterations", "30")
          .containsEntry("depth", "4")
          .containsEntry("train_share", "0.8")
          .containsEntry("source_file", "training.csv")
          .containsKeys(
              "source_sha256", "train_from", "train_until", "evaluate_from", "evaluate_until");
      assertThat(metadata.driftReference()).isNotNull();
      assertThat(metadata.featureNames()).isEqualTo(FeatureCatalogue.current().names());
    }
    assertThat(console())
        .contains("registered train-e2e version 2", "train-e2e@challenger -> version 2", "ROC-AUC");
  }

  @Test
  void trainsOnAHandWrittenFileWithIsoTimesMissingCellsAndRowsOutOfOrder() throws Exception {
    Path file = out.resolve("hand.csv");
    Files.writeString(file, handWritten(600));

    int code =
        train(
            "--file=" + file,
            "--split-at=2025-01-01T08:00:00Z",
            "--output-dir=" + out.resolve("m"),
            "--no-register");

    assertThat(code).as(console()).isZero();
    Path sidecar = out.resolve("m/hand-20261123-143000.json.meta.json");
    ModelMetadata metadata = ModelMetadata.read(Files.readAllBytes(sidecar), "test");
    assertThat(metadata.featureNames()).containsExactly("amount", "is_night", "txn_count_1h");
    assertThat(metadata.params())
        .containsEntry("train_from", "2025-01-01T00:00:00Z")
        .containsEntry("split_at", "2025-01-01T08:00:00Z")
        .containsEntry("evaluate_until", "2025-01-01T09:59:00Z")
        .containsEntry("train_rows", "480")
        .containsEntry("evaluate_rows", "120");
    assertThat(console()).contains("not registered: --no-register", "./fraud register --model=");
  }

  @Test
  void withoutARegistryItWritesTheFilesNamedAfterTheDataAndPrintsTheCommandThatRegistersThemLater()
      throws Exception {
    assertThat(train("--file=" + export)).as(console()).isZero();

    assertThat(files())
        .containsExactlyInAnyOrder(
            "training-20261123-143000.json",
            "training-20261123-143000.json.meta.json",
            "training-20261123-143000.html");
    assertThat(console())
        .contains(
            "not registered: no registry configured", "--fraud.model.registry.endpoint=<s3-url>");
    String printed =
        console()
            .lines()
            .filter(l -> l.contains("to register these files: "))
            .findFirst()
            .orElseThrow();
    List<String> later =
        new ArrayList<>(
            List.of(printed.substring(printed.indexOf("./fraud register ") + 17).split(" ")));
    assertThat(later).contains("--name=training").anyMatch(a -> a.startsWith("--report="));
    later.removeIf(a -> a.startsWith("--fraud.model.registry.endpoint="));
    later.addAll(
        List.of(
            "--fraud.model.registry.endpoint=" + s3.endpoint(),
            "--fraud.model.registry.access-key=" + KEY,
            "--fraud.model.registry.secret-key=" + SECRET,
            "--fraud.model.registry.bucket=" + BUCKET));
    later.addFirst("register");
    RunFraud.Result registered = RunFraud.run(later.toArray(String[]::new));

    assertThat(registered.exit()).as(registered.all()).isZero();
    ModelRegistry registry = new S3ModelRegistry(s3.client(), BUCKET, "");
    ModelVersion version = registry.versions("training").getLast();
    assertThat(version.metrics())
        .as("the sidecar's metrics")
        .containsKeys("holdout_auc", "holdout_f1");
    try (ModelArtifact served = registry.download(version)) {
      assertThat(served.metadata().params())
          .as("the sidecar's params and where the file came from")
          .containsEntry("source_file", "training.csv")
          .containsKeys("split_at", "registered_sha256");
      assertThat(served.metadata().driftReference()).isNotNull();
    }
    assertThat(
            s3.client()
                .statObject(
                    StatObjectArgs.builder()
                        .bucket(BUCKET)
                        .object(
                            version.location().substring(("s3://" + BUCKET + "/").length())
                                + "/report.html")
                        .build())
                .size())
        .as("the report kept with the version")
        .isPositive();
  }

  @Test
  void refusesFeatureColumnsTheWorkersCannotCompute() throws Exception {
    Path file = out.resolve("unknown.csv");
    Files.writeString(file, "amount,shoe_size,label,timestamp\n10,42,0,1000\n900,39,1,2000\n");

    assertThat(train("--file=" + file, "--output-dir=" + out.resolve("m"), "--no-register"))
        .isEqualTo(2);

    assertThat(console()).contains("[shoe_size] are not in the feature catalogue");
    assertThat(out.resolve("m")).doesNotExist();
  }

  @Test
  void anUnreachableRegistryLeavesTheFilesAndExitsWith3() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    int code =
        train("--file=" + export, "--fraud.model.registry.endpoint=http://127.0.0.1:" + closedPort);

    assertThat(code).isEqualTo(3);
    assertThat(files()).hasSize(3);
    assertThat(console())
        .contains(
            "NOT registered",
            "nothing answers at http://127.0.0.1:" + closedPort,
            "the files above are kept; to register them: ./fraud register --model=",
            "--fraud.model.registry.endpoint=http://127.0.0.1:" + closedPort);
  }

  @Test
  void badOptionsExitWith2AndTheUsage() throws Exception {
    assertThat(train("--file=" + export, "--train-share=0.8", "--split-at=2025-01-01T00:00:00Z"))
        .isEqualTo(2);
    assertThat(train("--file=" + export, "--iterations=lots")).isEqualTo(2);
    assertThat(train("--file=" + export, "--iterations=30.5")).isEqualTo(2);
    assertThat(train("--file=" + export, "--alias=champion", "--no-register")).isEqualTo(2);
    assertThat(train("--file=" + export, "--alias=champion"))
        .as("no registry configured")
        .isEqualTo(2);
    assertThat(train("--file=" + export, "--fraud.model.registry.prefix=models")).isEqualTo(2);
    assertThat(train("--file=" + out.resolve("missing.csv"), "--no-register")).isEqualTo(2);
    assertThat(console())
        .contains(
            "not both",
            "Invalid value for option '--iterations': 'lots' is not a whole number",
            "'30.5' is not a whole number",
            "--alias needs a registry",
            "--fraud.model.registry.prefix must be empty or end with '/'",
            "no such file",
            "Usage: fraud train")
        .doesNotContain("\tat io.fraudops");
    assertThat(files()).isEmpty();
  }

  /**
   * Rows a minute apart from midnight, shuffled; a blank amount now and then; fraud = large and at
   * night.
   */
  private static String handWritten(int rows) {
    Random random = new Random(3);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      boolean fraud = random.nextDouble() < 0.1;
      double amount = fraud ? 500 + random.nextInt(2000) : 5 + random.nextInt(300);
      String cell = random.nextDouble() < 0.05 ? "" : Double.toString(amount);
      Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(60L * i);
      lines.add(
          cell
              + ","
              + (fraud ? 1 : 0)
              + ","
              + random.nextInt(5)
              + ","
              + (fraud ? "true" : "false")
              + ","
              + at);
    }
    Collections.shuffle(lines, random);
    return "amount,is_night,txn_count_1h,label,timestamp\n" + String.join("\n", lines) + "\n";
  }

  /** {@code ./fraud train}, its clock fixed so the file names are known. */
  private int train(String... args) {
    // A test's own options come last, so they win over the small defaults.
    String[] all =
        Stream.of(new String[] {"train"}, SMALL, args).flatMap(Stream::of).toArray(String[]::new);
    boolean hasOutput = Stream.of(args).anyMatch(a -> a.startsWith("--output-dir="));
    if (!hasOutput) {
      all = Stream.concat(Stream.of(all), Stream.of("--output-dir=" + out)).toArray(String[]::new);
    }
    RunFraud.Result result = RunFraud.run(new FixedClock(), all);
    console.append(result.all());
    return result.exit();
  }

  /** Creates the train command with the test's clock, every other as usual. */
  private static final class FixedClock implements CommandLine.IFactory {

    @Override
    public <K> K create(Class<K> type) throws Exception {
      return type == TrainCommand.class
          ? type.cast(new TrainCommand(CLOCK))
          : CommandLine.defaultFactory().create(type);
    }
  }

  private List<String> files() throws Exception {
    try (Stream<Path> list = Files.list(out)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }

  private String console() {
    return console.toString();
  }
}
