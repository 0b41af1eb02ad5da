package io.fraudops.feature.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.offline.CustomerProfile;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.online.InMemoryOnlineFeatureStore;
import io.fraudops.feature.testsupport.EmbeddedPostgresDb;
import io.fraudops.feature.testsupport.TestCards;
import io.fraudops.feature.transaction.TransactionParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in the public datasets' shape: constants, defaults, local times, card as customer,
 * duplicates, the threshold.
 */
class PublicFormatBackfillTest {

  private static final String HEADER = String.join(",", HistoryFormat.KAGGLE_COLUMNS);
  private static final String CARD = "4111111111111111";
  private static final String OTHER_CARD = "5555555555554444";

  private static EmbeddedPostgresDb postgres;
  private static DataSource db;

  @TempDir Path dir;

  private final List<String> progress = new ArrayList<>();

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
    execute("TRUNCATE card_transaction, transaction_label, customer_profile, customer_home");
  }

  /** One Kaggle-style row; {@code id} is trans_num. */
  private static String row(
      String time,
      String card,
      String merchant,
      String amount,
      String id,
      String fraud,
      String merchLat,
      String merchLong) {
    return String.join(
        ",",
        time,
        card,
        "\"" + merchant + "\"",
        "grocery_pos",
        amount,
        "Jennifer",
        "Banks",
        "F",
        "561 Perry Cove",
        "Moravian Falls",
        "NC",
        "28654",
        "36.0788",
        "-81.1781",
        "3495",
        "Psychologist",
        "1988-03-09",
        id,
        "1325376018",
        merchLat,
        merchLong,
        fraud);
  }

  @Test
  void aPublicFormatFileLoadsWithTheCardAsCustomerLocalTimesAndTheDeclaredHome() throws Exception {
    Path file =
        csv(
            "fraudTrain.csv",
            List.of(
                row(
                    "2019-01-01 00:00:18",
                    CARD,
                    "fraud_Rippin, Kub and Mann",
                    "4.97",
                    "0b242abb623afc578575680df30655b9",
                    "0",
                    "36.011293",
                    "-82.048315"),
                row(
                    "2019-01-01 00:00:44",
                    CARD,
                    "fraud_Heller, Gutmann and Zieme",
                    "107.23",
                    "1f76529f8574734946361c461b024d99",
                    "0",
                    "",
                    ""),
                row(
                    "2019-01-01 00:47:36",
                    CARD,
                    "fraud_Kiehn Inc",
                    "220.11",
                    "a1a22d70485983eac12b5b88dad1cf95",
                    "1",
                    "36.43",
                    "-81.18")));

    BackfillSummary summary =
        backfill()
            .run(
                kaggle(file)
                    .withMapping(
                        ColumnMapping.parse("currency=EUR").over(HistoryFormat.KAGGLE.mapping())));

    assertThat(summary.rejected()).isZero();
    assertThat(summary.ingested()).isEqualTo(3);
    assertThat(summary.labels()).isEqualTo(3);
    assertThat(summary.homes()).as("one declaration: the home never changes").isEqualTo(1);
    assertThat(summary.replayed()).as("no online rebuild unless asked").isEqualTo(-1);
    String fingerprint = TestCards.TOKENIZER.tokenize(CARD).fingerprint();
    assertThat(strings("SELECT DISTINCT customer_id FROM card_transaction"))
        .containsExactly(fingerprint);
    assertThat(
            strings(
                "SELECT currency || country || channel || ' ' || occurred_at AT TIME ZONE 'UTC'"
                    + " FROM card_transaction ORDER BY occurred_at"))
        .containsExactly(
            "EURUSPOS 2019-01-01 00:00:18",
            "EURUSECOM 2019-01-01 00:00:44",
            "EURUSPOS 2019-01-01 00:47:36");
    assertThat(
            strings(
                "SELECT source || ' ' || fraud || ' ' || (known_at AT TIME ZONE 'UTC')"
                    + " FROM transaction_label WHERE fraud"))
        .containsExactly("import true 2019-01-31 00:47:36");
    CustomerProfile profile = new PostgresCustomerProfiles(db).find(fingerprint).orElseThrow();
    assertThat(profile.homeLatitude())
        .as("the declared home, not a payment location")
        .isEqualTo(36.0788);
    assertThat(profile.homeLongitude()).isEqualTo(-81.1781);
    assertThat(profile.usualAmount())
        .as("median without the fraud")
        .isEqualTo(4.97 + 0.5 * (107.23 - 4.97));
    assertNoCardNumberStored(List.of(CARD));
  }

  @Test
  void duplicateIdsAreCountedReportedAndNotLoadedWhileReloadingAFileIsHarmless() throws Exception {
    Path file =
        csv(
            "dups.csv",
            List.of(
                row("2019-01-01 00:00:18", CARD, "M1", "1.00", "A", "0", "", ""),
                row("2019-01-01 00:00:19", CARD, "M1", "2.00", "B", "0", "", ""),
                row(
                    "2019-01-01 00:00:20",
                    CARD,
                    "M1",
                    "3.00",
                    "A",
                    "1",
                    "",
                    ""), // same batch as line 2
                row("2019-01-01 00:00:21", CARD, "M1", "4.00", "C", "0", "", ""),
                row("2019-01-01 00:00:22", CARD, "M1", "5.00", "B", "1", "", ""))); // a later batch
    BackfillOptions options = kaggle(file).withBatching(3, 100).withMaxBadShare(0.5);

    BackfillSummary first = backfill().run(options);

    assertThat(first.ingested()).isEqualTo(3);
    assertThat(first.duplicates()).isEqualTo(2);
    assertThat(first.labels()).as("a duplicate's label is not loaded either").isEqualTo(3);
    assertThat(strings("SELECT transaction_id || '=' || amount FROM card_transaction ORDER BY 1"))
        .containsExactly("A=1.00", "B=2.00", "C=4.00");
    assertThat(strings("SELECT count(*) FROM transaction_label WHERE fraud")).containsExactly("0");
    List<String> report = Files.readAllLines(options.report());
    assertThat(report)
        .containsExactly(
            "line,transaction_id,reason",
            "4,A,duplicate transaction_id: line 2 has it too; only the first is loaded",
            "6,B,duplicate transaction_id: an earlier line of this file has it; only the first is loaded");

    BackfillSummary again = backfill().run(options);
    assertThat(again.ingested()).isZero();
    assertThat(again.alreadyKnown()).isEqualTo(3);
    assertThat(again.duplicates()).as("the same repeats, reported again").isEqualTo(2);

    Path other =
        csv(
            "other.csv",
            List.of(row("2019-02-01 10:00:00", OTHER_CARD, "M2", "9.99", "C", "0", "", "")));
    BackfillSummary conflicting = backfill().run(kaggle(other).withMaxBadShare(1));
    assertThat(conflicting.duplicates()).isEqualTo(1);
    assertThat(Files.readAllLines(kaggle(other).report()))
        .contains(
            "2,C,\"duplicate transaction_id: the ledger"
                + " already holds another payment with it (customer, amount, merchant or time differ)\"");
    assertThat(strings("SELECT amount FROM card_transaction WHERE transaction_id = 'C'"))
        .containsExactly("4.00");
  }

  @Test
  void aRefusedDuplicateDoesNotTakeItsCustomersHomeDeclarationWithIt() throws Exception {
    Path file =
        csv(
            "homes.csv",
            List.of(
                row("2019-01-01 00:00:18", CARD, "M1", "1.00", "A", "0", "", ""),
                row(
                    "2019-01-01 00:00:19",
                    OTHER_CARD,
                    "M1",
                    "2.00",
                    "A",
                    "0",
                    "",
                    ""), // the other card's first row
                row("2019-01-01 00:00:20", OTHER_CARD, "M1", "3.00", "B", "0", "", "")));

    BackfillSummary summary = backfill().run(kaggle(file).withMaxBadShare(0.5));

    assertThat(summary.duplicates()).isEqualTo(1);
    assertThat(
            strings(
                "SELECT customer_id || ' ' || (declared_at AT TIME ZONE 'UTC') FROM customer_home"
                    + " ORDER BY declared_at"))
        .containsExactly(
            TestCards.TOKENIZER.tokenize(CARD).fingerprint() + " 2019-01-01 00:00:18",
            TestCards.TOKENIZER.tokenize(OTHER_CARD).fingerprint() + " 2019-01-01 00:00:20");
  }

  @Test
  void moreRefusedRowsThanAllowedFailTheRunWithoutRebuildingProfiles() throws Exception {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 98; i++) {
      rows.add(
          row(
              "2019-01-01 00:%02d:%02d".formatted(i / 60, i % 60),
              CARD,
              "M1",
              "5.00",
              "T" + i,
              "0",
              "",
              ""));
    }
    rows.add(row("2019-01-01 02:00:00", CARD, "M1", "-5.00", "bad-1", "0", "", ""));
    rows.add(row("2019-01-01 02:00:01", CARD, "M1", "5.00", "T1", "0", "", ""));
    Path file = csv("two-percent.csv", rows);

    BackfillSummary strict = backfill().run(kaggle(file));

    assertThat(strict.badShare()).isEqualTo(0.02);
    assertThat(strict.tooManyBad()).isTrue();
    assertThat(strict.profiles()).isEqualTo(-1);
    assertThat(strict.describe())
        .contains("FAILED: 2.00 % of the rows were refused, more than the 1.00 % allowed");
    assertThat(strings("SELECT count(*) FROM customer_profile")).containsExactly("0");

    BackfillSummary lenient = backfill().run(kaggle(file).withMaxBadShare(0.05));
    assertThat(lenient.tooManyBad()).isFalse();
    assertThat(lenient.profiles()).isEqualTo(1);
  }

  @Test
  void aFileThatCannotLoadIsRefusedBeforeAnyStoreIsTouched() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(row("2019-01-01 00:00:%02d".formatted(i), CARD, "M1", "5.00", "T" + i, "0", "", ""));
    }
    Path file = csv("fraudTrain.csv", rows);
    // The preset without its timestamp format: every time is refused, and says how to fix it.
    BackfillOptions isoTimes = BackfillOptions.of(file).withMapping(HistoryFormat.KAGGLE.mapping());

    assertThatThrownBy(
            () -> HistoryFile.check(isoTimes, new TransactionParser(TestCards.TOKENIZER)))
        .hasMessageStartingWith(
            "30 of the first 30 rows would be refused (line 2: timestamp"
                + " '2019-01-01 00:00:00' is not ISO-8601")
        .hasMessageContaining("--timestamp-format='yyyy-MM-dd HH:mm:ss'")
        .hasMessageEndingWith("nothing was loaded");
    assertThatThrownBy(
            () ->
                HistoryFile.check(
                    BackfillOptions.of(file), new TransactionParser(TestCards.TOKENIZER)))
        .hasMessageStartingWith("the header lacks required columns [amount, merchant_category,");
    assertThat(
            HistoryFile.check(kaggle(file), new TransactionParser(TestCards.TOKENIZER)).describe())
        .contains("[backfill]   timestamps: pattern 'yyyy-MM-dd HH:mm:ss', local time in UTC");
  }

  @Test
  void rowsThatWouldStoreACardNumberInClearAreRefused() throws Exception {
    String header = "trans_num,customer,cc_num,amt,merchant,category,unix_time";
    Path file =
        Files.write(
            dir.resolve("ids.csv"),
            List.of(
                header,
                "X1," + CARD + "," + CARD + ",5.00,M1,grocery,1546300899",
                "X2,C-7,411111******1111,5.00,M1,grocery,1546300899",
                "X3,C-7," + OTHER_CARD + ",5.00,M1,grocery,1546300899"));
    BackfillOptions options =
        BackfillOptions.of(file)
            .withMapping(
                ColumnMapping.parse(
                    "transaction_id=trans_num,customer_id=customer,card_number=cc_num,"
                        + "amount=amt,merchant_id=merchant,merchant_category=category,timestamp=unix_time"))
            .withTimestamps(TimestampFormat.parse("epoch-seconds", null))
            .withReport(dir.resolve("ids.rejected.csv"))
            .withMaxBadShare(1);

    BackfillSummary summary = backfill().run(options);

    assertThat(summary.ingested()).isEqualTo(1);
    assertThat(Files.readAllLines(options.report()))
        .containsExactly(
            "line,transaction_id,reason",
            "2,X1,customer_id holds the card number: leave customer_id out and map card_number only (the card's"
                + " fingerprint then identifies the customer)",
            "3,X2,card_number is masked: a backfill needs the full number to fingerprint it (leave the field"
                + " empty instead)");
    assertNoCardNumberStored(List.of(CARD, OTHER_CARD));
  }

  @Test
  void aGeneratedPublicFormatHistoryLoadsWithExactlyItsDeliberateDefectsRefused() throws Exception {
    SyntheticHistoryFile.Settings settings =
        SyntheticHistoryFile.Settings.defaults(HistoryFormat.KAGGLE, 4_000, 9)
            .withCustomers(40)
            .withMerchants(60)
            .withRates(0.01, 0, 0.005);
    Path file = dir.resolve("generated.csv");
    HistoryCsvWriter.Written written;
    try (var out = Files.newBufferedWriter(file)) {
      written = SyntheticHistoryFile.write(settings, out);
    }
    assertThat(Files.readAllLines(file).getFirst()).isEqualTo(HEADER);

    BackfillSummary summary = backfill().run(kaggle(file).withBatching(1_000, 1_000));

    assertThat(written.invalid()).isPositive();
    assertThat(written.duplicates()).isPositive();
    assertThat(summary.rowsRead()).isEqualTo(4_000);
    assertThat(summary.rejected()).isEqualTo(written.invalid());
    assertThat(summary.duplicates()).isEqualTo(written.duplicates());
    assertThat(summary.ingested()).isEqualTo(4_000 - written.invalid() - written.duplicates());
    assertThat(summary.labels()).isEqualTo(summary.ingested());
    assertThat(summary.homes()).as("one home per card").isEqualTo(40);
    assertThat(summary.profiles()).isEqualTo(40);
    assertThat(progress)
        .anyMatch(
            line -> line.matches("\\[backfill] 1,000 rows read \\(\\d+ % of the file\\).*rows/s"));
    List<String> cards = new ArrayList<>();
    Matcher digits = Pattern.compile("\\b\\d{16}\\b").matcher(Files.readString(file));
    while (digits.find()) {
      cards.add(digits.group());
    }
    assertNoCardNumberStored(new ArrayList<>(new HashSet<>(cards)));
  }

  @Test
  void aDatabaseLostMidLoadStopsTheRunAndRunningAgainCompletesIt() throws Exception {
    Path file = dir.resolve("lost.csv");
    try (var out = Files.newBufferedWriter(file)) {
      SyntheticHistoryFile.write(
          SyntheticHistoryFile.Settings.defaults(HistoryFormat.KAGGLE, 6_000, 5)
              .withCustomers(30)
              .withMerchants(40)
              .withRates(0.01, 0, 0),
          out);
    }
    BackfillOptions options = kaggle(file).withBatching(500, 1_000);
    // When the parser is 1,000 rows in, every other session of the database is killed: the load's
    // too.
    HistoryBackfill cut =
        new HistoryBackfill(
            db,
            null,
            new TransactionParser(TestCards.TOKENIZER),
            line -> {
              if (line.startsWith("[backfill] 1,000 rows read")) {
                try {
                  execute(
                      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                          + " AND backend_type = 'client backend'");
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
            });

    assertThatThrownBy(() -> cut.run(options))
        .isInstanceOf(FeatureStoreUnavailableException.class)
        .hasMessageStartingWith("PostgreSQL could not load a batch of");
    long loaded = Long.parseLong(strings("SELECT count(*) FROM card_transaction").getFirst());
    assertThat(loaded).isLessThan(6_000);
    // The pool still holds the killed sessions; a restarted database would leave it the same way.
    ((HikariDataSource) db).getHikariPoolMXBean().softEvictConnections();

    BackfillSummary again = backfill().run(options);
    assertThat(again.ingested() + again.alreadyKnown()).isEqualTo(6_000);
    assertThat(again.alreadyKnown()).isEqualTo(loaded);
    assertThat(strings("SELECT count(*) FROM transaction_label")).containsExactly("6000");
  }

  private void assertNoCardNumberStored(List<String> cards) throws SQLException {
    List<String> everything = strings("SELECT concat_ws('|', t.*) FROM card_transaction t");
    everything.addAll(strings("SELECT concat_ws('|', l.*) FROM transaction_label l"));
    everything.addAll(strings("SELECT concat_ws('|', h.*) FROM customer_home h"));
    everything.addAll(strings("SELECT concat_ws('|', p.*) FROM customer_profile p"));
    String all = String.join("\n", everything) + String.join("\n", progress);
    assertThat(cards).isNotEmpty();
    for (String card : cards) {
      assertThat(all).doesNotContain(card);
      // Nor an unkeyed hash: with the mask, anyone could test the few candidates against it.
      assertThat(all).doesNotContain(unkeyedSha256(card));
    }
  }

  private static String unkeyedSha256(String card) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(card.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private BackfillOptions kaggle(Path file) {
    return BackfillOptions.of(file)
        .withFormat(HistoryFormat.KAGGLE, ColumnMapping.NONE, null, null)
        .withReport(dir.resolve(file.getFileName() + ".rejected.csv"));
  }

  private HistoryBackfill backfill() {
    return new HistoryBackfill(
        db,
        new InMemoryOnlineFeatureStore(),
        new TransactionParser(TestCards.TOKENIZER),
        progress::add);
  }

  private Path csv(String name, List<String> rows) {
    try {
      List<String> lines = new ArrayList<>();
      lines.add(HEADER);
      lines.addAll(rows);
      return Files.write(dir.resolve(name), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      while (row.next()) {
        values.add(row.getString(1));
      }
    }
    return values;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
