package io.fraudops.feature.backfill;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.feature.offline.CustomerProfile;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.online.CustomerHistory;
import io.fraudops.feature.online.InMemoryOnlineFeatureStore;
import io.fraudops.feature.testsupport.EmbeddedPostgresDb;
import io.fraudops.feature.testsupport.TestCards;
import io.fraudops.feature.transaction.TransactionParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryBackfillTest {

  private static final String CARD = "4111111111111111";
  private static final String BAD_LUHN_CARD = "4111111111111112";
  private static final String HEADER = String.join(",", HistoryColumns.ALL);

  private static EmbeddedPostgresDb postgres;
  private static DataSource db;

  @TempDir Path dir;

  private final List<String> progress = new ArrayList<>();
  private InMemoryOnlineFeatureStore online;

  @BeforeAll
  static void startPostgres() {
    postgres = EmbeddedPostgresDb.start();
    db = postgres.dataSource();
    FeatureStoreSchema.migrate(db);
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @BeforeEach
  void cleanTables() throws SQLException {
    execute("TRUNCATE card_transaction, transaction_label, customer_profile");
    online = new InMemoryOnlineFeatureStore();
  }

  /**
   * Lines 2-5 are good, 6-11 are bad; customer C1 has a fraud payment that must not shape their
   * profile.
   */
  private static List<String> sampleRows() {
    return List.of(
        // transaction_id,customer_id,card_number,amount,currency,merchant_id,merchant_category,country,
        // latitude,longitude,channel,timestamp,device_id,fraud_label,label_source,label_known_at
        "T1,C1,"
            + CARD
            + ",10.00,EUR,M1,grocery,FR,48.85661,2.35222,POS,2025-03-01T10:00:00Z,,false,analyst,2025-03-01T10:05:00Z,,",
        "T2,C1,,30.00,EUR,M2,restaurants,FR,48.85702,2.35301,POS,2025-03-01T12:00:00Z,,,,,,",
        "T3,C1,,20,EUR,M3,digital_goods,FR,,,ECOM,2025-03-01T13:00:00Z,dev-1,,,,,",
        "T4,C1,"
            + CARD
            + ",900.00,EUR,M4,jewelry,FR,40.71,-74.00,POS,2025-03-01T14:00:00Z,,true,,,,",
        "T5,C2,"
            + CARD
            + ",-5,EUR,M1,grocery,FR,,,POS,2025-03-01T10:00:00Z,,,,,,", // negative amount
        "T6,C2,"
            + BAD_LUHN_CARD
            + ",5.00,EUR,M1,grocery,FR,,,POS,2025-03-01T10:00:00Z,,,,,,", // Luhn
        "T7,C2,,"
            + CARD
            + ",EUR,M1,grocery,FR,,,POS,2025-03-01T10:00:00Z,,,,,,", // card in the amount
        "T8,C2," + CARD + ",5.00,EUR,M1,grocery,FR,,,POS,2025-03-01T10:00:00Z,,maybe,,,,", // label
        "T9,C2," + CARD + ",5.00,EUR,M1,grocery,FR,,,POS", // short row
        "T10,C2,"
            + CARD
            + ",5.00,EUR,M1,grocery,FR,,,POS,2025-03-01T10:00:00Z,,true,chargeback,2025-02-01T00:00:00Z,,");
  }

  @Test
  void goodRowsAreLoadedAndBadRowsReportedWithTheirLineAndReasonButNeverTheCard() throws Exception {
    Path file = csv("history.csv", HEADER, sampleRows());

    BackfillSummary summary = backfill().run(options(file));

    assertThat(summary.rowsRead()).isEqualTo(10);
    assertThat(summary.ingested()).isEqualTo(4);
    assertThat(summary.rejected()).isEqualTo(6);
    assertThat(summary.labels()).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM card_transaction")).isEqualTo(4);
    assertThat(
            count("SELECT count(*) FROM card_transaction WHERE card_masked = '411111******1111'"))
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM transaction_label WHERE transaction_id = 'T1' AND source = 'analyst'"
                    + " AND NOT fraud AND known_at = '2025-03-01T10:05:00Z'"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM transaction_label WHERE transaction_id = 'T4' AND source = 'import'"
                    + " AND fraud AND known_at = '2025-03-31T14:00:00Z'"))
        .as("default source and 30-day delay")
        .isEqualTo(1);

    List<String> report = Files.readAllLines(options(file).report());
    assertThat(report).first().isEqualTo("line,transaction_id,reason");
    assertThat(report).hasSize(7);
    assertThat(report.get(1)).startsWith("6,T5,").contains("amount must be greater than 0");
    assertThat(report.get(2)).startsWith("7,T6,").contains("Luhn");
    assertThat(report.get(3))
        .startsWith("8,T7,")
        .contains("amount must be at most")
        .contains("<digits removed>");
    assertThat(report.get(4)).startsWith("9,T8,").contains("fraud_label must be");
    assertThat(report.get(5))
        .startsWith("10,,")
        .contains("expected 18 fields as in the header, got 11");
    assertThat(report.get(6)).startsWith("11,T10,").contains("label_known_at must not be before");
    String whole = String.join("\n", report) + String.join("\n", progress) + summary.describe();
    assertThat(whole).doesNotContain(CARD).doesNotContain(BAD_LUHN_CARD).doesNotContain("41111111");
  }

  @Test
  void profilesAreRebuiltFromTheLedgerWithoutTheFraudAndKeepTheirTimeZone() {
    new PostgresCustomerProfiles(db)
        .upsertAll(List.of(new CustomerProfile("C1", 1.0, 1.0, 1.0, ZoneId.of("Europe/Paris"))));
    Path file = csv("history.csv", HEADER, sampleRows());

    BackfillSummary summary = backfill().run(options(file));

    assertThat(summary.profiles()).isEqualTo(1);
    CustomerProfile c1 = new PostgresCustomerProfiles(db).find("C1").orElseThrow();
    // 10, 30, 20 (and 900, labelled fraud): the median of the customer's own payments.
    assertThat(c1.usualAmount()).isEqualTo(20.0);
    // Two located payments round to the same 0.01° cell; the fraud one in New York does not count.
    assertThat(c1.homeLatitude()).isEqualTo(48.86);
    assertThat(c1.homeLongitude()).isEqualTo(2.35);
    assertThat(c1.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  @Test
  void theOnlineStateIsRebuiltByReplayingTheLedgerInTimeOrder() {
    Path file = csv("history.csv", HEADER, sampleRows());

    BackfillSummary summary = backfill().run(options(file).withRebuilds(true, true, 2));

    assertThat(summary.replayed()).isEqualTo(4);
    CustomerHistory next =
        online.recordAndRead(
            tx("T-next", Instant.parse("2025-03-01T15:00:00Z")).customer("C1").build());
    assertThat(next.recent()).extracting(p -> p.amount()).containsExactly(10.0, 30.0, 20.0, 900.0);
  }

  @Test
  void reRunningTheSameFileAddsNothing() throws Exception {
    Path file = csv("history.csv", HEADER, sampleRows());
    backfill().run(options(file));

    BackfillSummary again = backfill().run(options(file));

    assertThat(again.ingested()).isZero();
    assertThat(again.alreadyKnown()).isEqualTo(4);
    assertThat(again.labels()).isZero();
    assertThat(again.rejected()).isEqualTo(6);
    assertThat(count("SELECT count(*) FROM card_transaction")).isEqualTo(4);
    assertThat(count("SELECT count(*) FROM transaction_label")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM customer_profile")).isEqualTo(1);
  }

  @Test
  void aMappingReadsFilesWhoseColumnsAreNamedDifferently() {
    String header =
        "trans_num,cc_num,amt,cust,currency,merchant,category,country,lat,long,channel,"
            + "trans_date_trans_time,is_fraud,extra";
    Path file =
        csv(
            "other.csv",
            header,
            List.of(
                "X1,"
                    + CARD
                    + ",12.5,K1,USD,M9,\"grocery\",US,40.7,-74.0,POS,2025-03-02T08:00:00Z,0,ignored",
                "X2,"
                    + CARD
                    + ",99,K1,USD,M9,grocery,US,40.7,-74.0,POS,2025-03-02T09:00:00Z,1,\"a, b\""));
    ColumnMapping mapping =
        ColumnMapping.parse(
            "transaction_id=trans_num,card_number=cc_num,amount=amt,"
                + "customer_id=cust,merchant_id=merchant,merchant_category=category,latitude=lat,longitude=long,"
                + "timestamp=trans_date_trans_time,fraud_label=is_fraud");

    BackfillSummary summary = backfill().run(options(file).withMapping(mapping));

    assertThat(summary.rejected()).isZero();
    assertThat(summary.ingested()).isEqualTo(2);
    assertThat(summary.labels()).isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM card_transaction WHERE customer_id = 'K1' AND amount = 12.50"))
        .isEqualTo(1);
  }

  @Test
  void aFileWithoutARequiredColumnIsRefusedBeforeAnyRow() {
    Path file = csv("history.csv", HEADER.replace("amount", "amt"), sampleRows());

    assertThatThrownBy(() -> backfill().run(options(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[amount]")
        .hasMessageContaining("--map");
    assertThatThrownBy(() -> ColumnMapping.parse("amount=amt,price=amt"))
        .hasMessageContaining("unknown column 'price'");
  }

  @Test
  void generatedHistoriesLoadWithOnlyTheDeliberatelyBadRowsRejected() throws IOException {
    var world = io.fraudops.feature.synthetic.SyntheticWorld.create(7, 200, 60);
    var settings =
        io.fraudops.feature.synthetic.GeneratorSettings.defaults(7)
            .withTransactionsPerSecond(200 * 3.0 / 86_400);
    Path file = dir.resolve("generated.csv");
    HistoryCsvWriter.Written written;
    try (var out = Files.newBufferedWriter(file)) {
      written =
          new HistoryCsvWriter(7, 0.01)
              .write(
                  new io.fraudops.feature.synthetic.TransactionGenerator(world, settings)
                      .stream().limit(3_000),
                  out);
    }

    BackfillSummary summary = backfill().run(options(file).withBatching(500, 1_000));

    assertThat(written.rows()).isEqualTo(3_000);
    assertThat(written.invalid()).isPositive();
    assertThat(summary.rowsRead()).isEqualTo(3_000);
    assertThat(summary.rejected()).isEqualTo(written.invalid());
    assertThat(summary.ingested()).isEqualTo(3_000 - written.invalid());
    assertThat(progress)
        .anyMatch(line -> line.startsWith("[backfill] 1,000 rows read") && line.contains("rows/s"));
  }

  private HistoryBackfill backfill() {
    return new HistoryBackfill(
        db, online, new TransactionParser(TestCards.TOKENIZER), progress::add);
  }

  // The sample is mostly bad rows on purpose: no share of refused rows fails these runs.
  private BackfillOptions options(Path file) {
    return BackfillOptions.of(file)
        .withReport(dir.resolve(file.getFileName() + ".rejected.csv"))
        .withMaxBadShare(1);
  }

  private Path csv(String name, String header, List<String> rows) {
    try {
      Path file = dir.resolve(name);
      List<String> lines = new ArrayList<>();
      lines.add(header);
      lines.addAll(rows);
      return Files.write(file, lines);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long count(String sql) {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
