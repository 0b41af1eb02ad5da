package io.fraudops.cli.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.cli.RunFraud;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.local.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code ./fraud chargeback} against a real PostgreSQL: the label is written, an unknown id is
 * refused.
 */
class ChargebackCommandTest {

  private static EmbeddedPostgresServer postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgresServer.startTemporary();
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(postgres.jdbcUrl());
    db.setUser(postgres.user());
    FeatureStoreSchema.migrate(db);
    try (Connection c = connection()) {
      c.createStatement()
          .execute(
              "INSERT INTO card_transaction (transaction_id, customer_id, amount, currency, merchant_id, merchant_category,"
                  + " country, channel, occurred_at) VALUES ('T-cli-1', 'C1', 10, 'EUR', 'M1', 'grocery', 'DE', 'POS',"
                  + " '2026-01-05T10:00:00Z')");
    }
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @Test
  void labelsTheRecordedPayment() throws Exception {
    RunFraud.Result result =
        run(
            "--transaction-id=T-cli-1",
            "--reason=4837 no cardholder authorization",
            "--date=2026-01-20");
    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(result.out())
        .contains("recorded T-cli-1")
        .contains("known from 2026-01-21T00:00:00Z");
    try (Connection c = connection();
        ResultSet row =
            c.createStatement()
                .executeQuery(
                    "SELECT fraud, known_at FROM transaction_label WHERE transaction_id = 'T-cli-1' AND source = 'chargeback'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getBoolean("fraud")).isTrue();
    }
  }

  @Test
  void refusesAnUnknownIdNamingIt() {
    RunFraud.Result result =
        run("--transaction-id=T-nobody", "--reason=fraud", "--date=2026-01-20");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("'T-nobody'");
  }

  @Test
  void badInputExitsTwoSayingWhatIsWrong() {
    RunFraud.Result result = run("--transaction-id=T-cli-1", "--reason=fraud", "--date=20/01/2026");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("YYYY-MM-DD");
  }

  private static RunFraud.Result run(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "chargeback";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--spring.datasource.url=" + postgres.jdbcUrl();
    all[args.length + 2] = "--spring.datasource.username=" + postgres.user();
    return RunFraud.run(all);
  }

  private static Connection connection() throws Exception {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), null);
  }
}
