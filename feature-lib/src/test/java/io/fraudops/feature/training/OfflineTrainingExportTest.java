package io.fraudops.feature.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.backfill.BackfillOptions;
import io.fraudops.feature.backfill.ColumnMapping;
import io.fraudops.feature.backfill.HistoryBackfill;
import io.fraudops.feature.backfill.HistoryFormat;
import io.fraudops.feature.backfill.SyntheticHistoryFile;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.offline.PostgresCustomerHomes;
import io.fraudops.feature.offline.PostgresHistory;
import io.fraudops.feature.testsupport.EmbeddedPostgresDb;
import io.fraudops.feature.testsupport.TestCards;
import io.fraudops.feature.transaction.TransactionParser;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineTrainingExportTest {

  private static EmbeddedPostgresDb postgres;
  private static DataSource db;

  @TempDir static Path dir;

  @BeforeAll
  static void loadAPublicFormatHistory() throws Exception {
    postgres = EmbeddedPostgresDb.start();
    db = postgres.dataSource();
    FeatureStoreSchema.migrate(db);
    Path file = dir.resolve("fraudTrain.csv");
    try (var out = Files.newBufferedWriter(file)) {
      SyntheticHistoryFile.write(
          SyntheticHistoryFile.Settings.defaults(HistoryFormat.KAGGLE, 6_000, 4)
              .withCustomers(50)
              .withMerchants(60)
              .withRates(0.02, 0, 0),
          out);
    }
    new HistoryBackfill(db, null, new TransactionParser(TestCards.TOKENIZER), line -> {})
        .run(
            BackfillOptions.of(file)
                .withFormat(HistoryFormat.KAGGLE, ColumnMapping.NONE, null, null));
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @Test
  void theStoreExportStreamsExactlyTheRowsOfTheReplayInMemory() throws Exception {
    Instant matureBefore = Instant.parse("2020-06-01T00:00:00Z");
    List<String> progress = new ArrayList<>();
    Path target = dir.resolve("out/training.csv");

    PointInTimeExport.Summary summary =
        new OfflineTrainingExport(db, FeatureCatalogue.current(), progress::add)
            .run(target, null, null, matureBefore, 1_000);

    List<HistoryEvent> history;
    try (Stream<HistoryEvent> events = new PostgresHistory(db).stream()) {
      history = events.toList();
    }
    StringWriter inMemory = new StringWriter();
    PointInTimeExport.withProfilesAsOf(
            FeatureCatalogue.current(), new PostgresCustomerHomes(db).all(), Map.of())
        .export(history.stream(), matureBefore, inMemory);
    assertThat(Files.readString(target)).isEqualTo(inMemory.toString());
    assertThat(summary.payments()).isEqualTo(6_000);
    assertThat(summary.rows()).as("every row of this format is labelled").isEqualTo(6_000);
    assertThat(summary.fraud()).isPositive();
    assertThat(progress)
        .anyMatch(line -> line.startsWith("[export] 6,000 labelled payments among 6,000"))
        .anyMatch(line -> line.startsWith("[export] 3,000 payments replayed (50 %), "));
    assertThat(Files.list(target.getParent())).containsExactly(target);

    // Declared homes at work: most payments are near the customer's home, as the world made them.
    int distance = FeatureCatalogue.current().indexOf("distance_from_home_km");
    double[] distances =
        Files.readAllLines(target).stream()
            .skip(1)
            .mapToDouble(line -> Double.parseDouble(line.split(",")[distance]))
            .filter(d -> d > 0)
            .sorted()
            .toArray();
    assertThat(distances[distances.length / 2]).as("median km from home").isLessThan(30);
    assertThat(Arrays.stream(distances).max().orElseThrow())
        .as("and trips far away")
        .isGreaterThan(500);
  }
}
