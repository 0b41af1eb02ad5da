package io.fraudops.cli.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.cli.RunFraud;
import io.fraudops.feature.backfill.HistoryFormat;
import io.fraudops.feature.transaction.CardNumber;
import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walkthrough's first steps as a user types them, against a real PostgreSQL: a Kaggle-style
 * file generated, loaded with {@code --format=kaggle} (its {@code cc_num} kept only as a keyed
 * fingerprint) and exported; a file that cannot load is refused before any store is reached; too
 * many refused rows exit 3.
 */
class PublicFormatCommandsTest {

  /** 32 bytes, base64: the deployment's card key in this test. */
  private static final String CARD_KEY = "cHVibGljLWZvcm1hdCBjb21tYW5kcyB0ZXN0IGtleSE=";

  @TempDir static Path dir;
  private static EmbeddedPostgresServer postgres;
  private static Path history;

  @BeforeAll
  static void startPostgresAndGenerate() {
    postgres = EmbeddedPostgresServer.startTemporary();
    history = dir.resolve("fraudTrain.csv");
    RunFraud.Result generated =
        RunFraud.run(
            "generate-history",
            "--format=kaggle",
            "--rows=4_000",
            "--customers=30",
            "--merchants=60",
            "--fraud-rate=0.02",
            "--seed=3",
            "--file=" + history);
    assertThat(generated.exit()).as(generated.all()).isZero();
    assertThat(generated.out()).contains("4,000 rows in the kaggle format");
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @Test
  void aKaggleFileLoadsWithItsCardsKeyedAndExportsPointInTime() throws Exception {
    List<String> lines = Files.readAllLines(history, StandardCharsets.UTF_8);
    assertThat(lines.getFirst()).isEqualTo(String.join(",", HistoryFormat.KAGGLE_COLUMNS));

    RunFraud.Result loaded =
        RunFraud.run(
            store(
                "backfill",
                "--format=kaggle",
                "--file=" + history,
                "--max-rejected=2%",
                "--fraud.card.fingerprint-key=" + CARD_KEY));

    assertThat(loaded.exit()).as(loaded.all()).isZero();
    assertThat(loaded.out())
        .contains("[backfill]   timestamps: pattern 'yyyy-MM-dd HH:mm:ss', local time in UTC")
        .contains("customer_id: none; the card's keyed fingerprint")
        .contains("card fingerprints keyed with --fraud.card.fingerprint-key")
        .contains("online state not rebuilt");
    Set<String> cards = cardNumbers(lines);
    assertThat(cards).hasSizeGreaterThanOrEqualTo(25);
    CardTokenizer tokenizer = CardTokenizer.fromBase64Key(CARD_KEY);
    Set<String> keyed = new LinkedHashSet<>();
    // The generator breaks a few numbers on purpose (a failed Luhn check): those rows are refused.
    cards.stream()
        .filter(CardNumber::passesLuhn)
        .forEach(card -> keyed.add(tokenizer.tokenize(card).fingerprint()));
    List<String> customers = strings("SELECT DISTINCT customer_id FROM card_transaction");
    assertThat(keyed).containsAll(customers);
    String stored =
        String.join("\n", strings("SELECT concat_ws('|', t.*) FROM card_transaction t"))
            + String.join("\n", strings("SELECT concat_ws('|', h.*) FROM customer_home h"))
            + String.join("\n", strings("SELECT concat_ws('|', p.*) FROM customer_profile p"))
            + loaded.all();
    for (String card : cards) {
      assertThat(stored).as("no cc_num in clear").doesNotContain(card);
      assertThat(stored).as("nor its unkeyed hash").doesNotContain(sha256(card));
    }

    Path training = dir.resolve("training.csv");
    RunFraud.Result exported =
        RunFraud.run(
            store(
                "export-training-set",
                "--file=" + training,
                "--labelled-only",
                "--progress-every=1_000"));

    assertThat(exported.exit()).as(exported.all()).isZero();
    assertThat(exported.out())
        .contains("[export] 1,000 payments replayed")
        .contains("payments replayed, ");
    long labelled =
        Long.parseLong(
            strings("SELECT count(DISTINCT transaction_id) FROM transaction_label").getFirst());
    assertThat(Files.readAllLines(training)).hasSize((int) labelled + 1);
  }

  @Test
  void aFileThatCannotLoadIsRefusedBeforeAnyStoreIsReached() throws Exception {
    // Nothing listens on this port: reaching PostgreSQL would fail with exit 1, not 2.
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    RunFraud.Result result =
        RunFraud.run(
            "backfill",
            "--file=" + history,
            "--fraud.card.fingerprint-key=" + CARD_KEY,
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/nowhere");

    assertThat(result.exit()).as(result.all()).isEqualTo(2);
    assertThat(result.err())
        .contains("the header lacks required columns [amount, merchant_category,")
        .contains("Run ./fraud backfill --help");
    assertThat(result.out()).doesNotContain("schema up to date");
  }

  @Test
  void moreRefusedRowsThanAllowedExit3() throws Exception {
    List<String> lines =
        new ArrayList<>(Files.readAllLines(history, StandardCharsets.UTF_8).subList(0, 201));
    // Two of 200 rows with an amount the rules refuse: 1 %, more than the 0.5 % allowed.
    lines.set(50, lines.get(50).replaceFirst(",(\\d+\\.\\d{2}),", ",-1.00,"));
    lines.set(150, lines.get(150).replaceFirst(",(\\d+\\.\\d{2}),", ",-2.00,"));
    Path file = Files.write(dir.resolve("strict.csv"), lines);

    RunFraud.Result result =
        RunFraud.run(
            store(
                "backfill",
                "--format=kaggle",
                "--file=" + file,
                "--max-rejected=0.5%",
                "--fraud.card.fingerprint-key=" + CARD_KEY));

    assertThat(result.exit()).as(result.all()).isEqualTo(3);
    assertThat(result.out()).contains("more than the 0.50 % allowed");
    assertThat(RunFraud.run("backfill", "--help").out())
        .contains("3   more rows refused than --max-rejected allows");
  }

  private static String[] store(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--spring.datasource.url=" + postgres.jdbcUrl());
    all.add("--spring.datasource.username=" + postgres.user());
    return all.toArray(String[]::new);
  }

  /** The cc_num column of a Kaggle-style file. */
  private static Set<String> cardNumbers(List<String> lines) {
    int column = HistoryFormat.KAGGLE_COLUMNS.indexOf("cc_num");
    Set<String> cards = new LinkedHashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      // cc_num comes before the only quoted column (merchant), so a plain split finds it.
      String[] fields = line.split(",", -1);
      if (fields.length > column && fields[column].matches("\\d{12,19}")) {
        cards.add(fields[column]);
      }
    }
    return cards;
  }

  private static String sha256(String card) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(card.getBytes(StandardCharsets.US_ASCII)));
  }

  private static List<String> strings(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), null);
        ResultSet row = c.createStatement().executeQuery(sql)) {
      while (row.next()) {
        values.add(row.getString(1));
      }
    }
    return values;
  }
}
