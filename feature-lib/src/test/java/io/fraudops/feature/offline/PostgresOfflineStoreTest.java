package io.fraudops.feature.offline;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fraudops.feature.FeatureResult;
import io.fraudops.feature.FeatureService;
import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.online.InMemoryOnlineFeatureStore;
import io.fraudops.feature.testsupport.EmbeddedPostgresDb;
import io.fraudops.feature.testsupport.SwitchableDataSource;
import io.fraudops.feature.transaction.Transaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresOfflineStoreTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static EmbeddedPostgresDb postgres;
  private static DataSource db;
  private static int migrationsApplied;

  private SwitchableDataSource switchable;

  @BeforeAll
  static void startPostgres() {
    postgres = EmbeddedPostgresDb.start();
    db = postgres.dataSource();
    migrationsApplied = FeatureStoreSchema.migrate(db);
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @BeforeEach
  void cleanTables() throws SQLException {
    execute("TRUNCATE customer_profile, card_transaction, transaction_label");
    switchable = new SwitchableDataSource(db);
  }

  @Test
  void migrationCreatesTheTablesOnceAndOnlyOnce() throws SQLException {
    assertThat(migrationsApplied)
        .as(
            "V1 feature store, V3 labels, V4 device, V5.1 unkeyed fingerprints forgotten, V11.1 chargebacks,"
                + " V13 customer home (V2, V5, V6, V8, V11.2, V11.3, V12 in workers)")
        .isEqualTo(6);
    assertThat(FeatureStoreSchema.migrate(db)).as("re-running applies nothing").isZero();
    assertThat(
            queryLong(
                "SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_name IN ('customer_profile', 'card_transaction', 'customer_home')"))
        .isEqualTo(3);
    assertThat(
            queryLong(
                "SELECT count(*) FROM pg_indexes WHERE indexname = 'card_transaction_customer_time'"))
        .isEqualTo(1);
    assertThat(
            queryLong(
                "SELECT count(*) FROM information_schema.columns "
                    + "WHERE table_name = 'card_transaction' AND column_name = 'device_id'"))
        .isEqualTo(1);
  }

  @Test
  void profilesAreUpsertedInBatchesAndFound() {
    PostgresCustomerProfiles profiles = new PostgresCustomerProfiles(db);
    List<CustomerProfile> many = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      many.add(
          new CustomerProfile(
              "C" + i, 40.0 + i / 1e4, -74.0, 10.0 + i, ZoneId.of("America/New_York")));
    }
    profiles.upsertAll(many);
    CustomerProfile moved = new CustomerProfile("C7", null, null, 33.333333333, null);
    profiles.upsertAll(List.of(moved));

    assertThat(profiles.find("C2499")).contains(many.get(2_499));
    assertThat(profiles.find("C7")).contains(moved);
    assertThat(profiles.find("nobody")).isEmpty();
  }

  @Test
  void aCorruptTimeZoneFallsBackToUtcInsteadOfFailing() throws SQLException {
    execute(
        "INSERT INTO customer_profile (customer_id, usual_amount, time_zone) VALUES ('tz', 5, 'Mars/Olympus')");

    assertThat(new PostgresCustomerProfiles(db).find("tz"))
        .map(CustomerProfile::timeZone)
        .isEqualTo(Optional.empty());
    assertThat(new PostgresCustomerProfiles(db).find("tz")).isPresent();
  }

  @Test
  void theCacheAnswersWithoutTheDatabaseAfterTheFirstLoad() {
    new PostgresCustomerProfiles(db)
        .upsertAll(List.of(new CustomerProfile("C1", 1.0, 2.0, 20, null)));
    CachedCustomerProfiles cached =
        new CachedCustomerProfiles(
            new PostgresCustomerProfiles(switchable), Duration.ofMinutes(5), 100);

    Optional<CustomerProfile> first = cached.find("C1");
    Optional<CustomerProfile> unknown = cached.find("new-customer");
    switchable.down(true);
    int connectionsBefore = switchable.connections();

    for (int i = 0; i < 100; i++) {
      assertThat(cached.find("C1")).isEqualTo(first).isPresent();
      assertThat(cached.find("new-customer")).isEqualTo(unknown).isEmpty();
    }
    assertThat(switchable.connections()).isEqualTo(connectionsBefore);
  }

  @Test
  void theCacheReloadsAfterItsTtlAndEvictsTheLeastRecentlyUsed() {
    long[] now = {0};
    List<String> loads = new ArrayList<>();
    CustomerProfiles source =
        id -> {
          loads.add(id);
          return Optional.of(new CustomerProfile(id, null, null, 10, null));
        };
    CachedCustomerProfiles cached =
        new CachedCustomerProfiles(source, Duration.ofSeconds(60), 2, () -> now[0]);

    cached.find("a");
    cached.find("b");
    cached.find("a");
    cached.find("c");
    cached.find("a");
    now[0] = Duration.ofSeconds(61).toNanos();
    cached.find("a");

    assertThat(loads).containsExactly("a", "b", "c", "a");
    assertThat(cached.size()).isEqualTo(2);
  }

  @Test
  void theCacheServesAnExpiredProfileWhileTheDatabaseIsDown() {
    new PostgresCustomerProfiles(db)
        .upsertAll(List.of(new CustomerProfile("C1", 1.0, 2.0, 20, null)));
    long[] now = {0};
    CachedCustomerProfiles cached =
        new CachedCustomerProfiles(
            new PostgresCustomerProfiles(switchable), Duration.ofSeconds(60), 10, () -> now[0]);
    Optional<CustomerProfile> loaded = cached.find("C1");

    switchable.down(true);
    now[0] = Duration.ofHours(1).toNanos();

    assertThat(cached.find("C1")).isEqualTo(loaded).isPresent();
    assertThat(
            catchThrowableOfType(FeatureStoreUnavailableException.class, () -> cached.find("C2")))
        .hasMessageContaining("PostgreSQL could not read the profile");
  }

  @Test
  void theLedgerRecordsATransactionOnceHoweverOftenItIsRetried() throws SQLException {
    PostgresTransactionLedger ledger = new PostgresTransactionLedger(db);
    Transaction tx = tx("T-1", T0).amount("12.30").build();

    ledger.record(tx);
    ledger.record(tx);
    ledger.recordAll(List.of(tx, tx("T-2", T0).online().build()));

    assertThat(queryLong("SELECT count(*) FROM card_transaction")).isEqualTo(2);
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery("SELECT * FROM card_transaction WHERE transaction_id = 'T-1'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString("card_masked")).isEqualTo("411111******1111");
      assertThat(row.getString("card_fingerprint")).isEqualTo(tx.card().fingerprint());
      assertThat(row.getBigDecimal("amount")).isEqualTo(new BigDecimal("12.30"));
      assertThat(row.getObject("occurred_at", OffsetDateTime.class).toInstant()).isEqualTo(T0);
      assertThat(row.getObject("fraud_label")).isNull();
    }
    assertThat(
            queryLong(
                "SELECT count(*) FROM card_transaction WHERE card_masked LIKE '4111111111111111'"))
        .isZero();
  }

  @Test
  void aDatabaseOutageIsReportedAndFeatureServiceDegrades() {
    switchable.down(true);
    Transaction tx = tx("T-1", T0).build();

    FeatureStoreUnavailableException e =
        catchThrowableOfType(
            FeatureStoreUnavailableException.class,
            () -> new PostgresTransactionLedger(switchable).record(tx));
    assertThat(e)
        .hasMessageContaining("PostgreSQL could not record a transaction [SQLState 08001]");

    FeatureResult result =
        new FeatureService(
                new InMemoryOnlineFeatureStore(),
                new PostgresCustomerProfiles(switchable),
                FeatureCatalogue.v1())
            .featuresFor(tx);
    assertThat(result.complete()).isFalse();
    assertThat(result.degradedReason())
        .startsWith("customer profile store unavailable: PostgreSQL could not");
    assertThat(result.vector().get("amount_to_avg_ratio")).isEqualTo(1);
    assertThat(result.vector().get("first_time_merchant")).as("history still known").isEqualTo(1);
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long queryLong(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
