package io.fraudops.feature.backfill;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.CustomerProfile;
import io.fraudops.feature.offline.DeclaredHomes;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.offline.PostgresCustomerHomes;
import io.fraudops.feature.offline.PostgresCustomerProfiles;
import io.fraudops.feature.offline.PostgresLabelStore;
import io.fraudops.feature.offline.PostgresTransactionLedger;
import io.fraudops.feature.offline.RunningProfiles;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import io.fraudops.feature.testsupport.EmbeddedPostgresDb;
import io.fraudops.feature.transaction.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch profile job (SQL) and the running profiles of the training export (Java) are one
 * definition written twice: after the same history they must agree to the bit, or training would
 * see other profiles than serving.
 */
class ProfileDefinitionParityTest {

  private static EmbeddedPostgresDb postgres;
  private static DataSource db;

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

  @Test
  void theBatchJobAndTheRunningProfilesAgreeToTheBitAfterTheSameHistory() throws SQLException {
    SyntheticWorld world = SyntheticWorld.create(3, 80, 40);
    List<HistoryEvent> events =
        new ArrayList<>(
            new TransactionGenerator(
                    world,
                    GeneratorSettings.defaults(3)
                        .withTransactionsPerSecond(80 * 3 / 86_400.0)
                        .withRates(0.05, 0))
                .history()
                .limit(5_000)
                .toList());
    Instant end = events.getLast().at();
    // Coordinates on a rounding edge, and two cells with as many payments: the tie goes to the
    // lower
    // latitude. 48.865 is 48.86499999... in binary; PostgreSQL rounds its 15 digits, 48.8650...,
    // up.
    Instant t = end.plusSeconds(60);
    for (double[] at :
        new double[][] {
          {40.125, -74.005}, {40.125, -74.005}, {48.865, 2.345}, {48.865, 2.345}, {-33.875, 151.205}
        }) {
      t = t.plusSeconds(60);
      events.add(
          new HistoryEvent.Payment(
              tx("edge-" + t.getEpochSecond(), t)
                  .customer("edges")
                  .at(at[0], at[1])
                  .amount("12.35")
                  .build()));
    }
    List<Transaction> payments =
        events.stream()
            .filter(e -> e instanceof HistoryEvent.Payment)
            .map(e -> ((HistoryEvent.Payment) e).transaction())
            .toList();
    List<LabelEvent> labels =
        events.stream().filter(e -> e instanceof LabelEvent).map(e -> (LabelEvent) e).toList();
    assertThat(labels).anyMatch(LabelEvent::fraud);

    // A third of the customers declared a home; one of them moved halfway.
    List<DeclaredHomes.Home> homes = new ArrayList<>();
    Set<String> customers = new LinkedHashSet<>();
    payments.forEach(p -> customers.add(p.customerId()));
    int i = 0;
    for (String customer : customers) {
      if (i++ % 3 == 0) {
        homes.add(
            new DeclaredHomes.Home(
                customer, payments.getFirst().timestamp(), 40 + i / 100.0, -74.0));
      }
    }
    String mover = homes.getFirst().customerId();
    homes.add(
        new DeclaredHomes.Home(mover, payments.get(payments.size() / 2).timestamp(), 51.5, -0.12));

    new PostgresTransactionLedger(db).recordAll(payments);
    new PostgresLabelStore(db).recordAll(labels);
    insertHomes(homes);
    int rebuilt = new ProfileRebuild(db).run();

    Set<String> fraud = new HashSet<>();
    labels.stream().filter(LabelEvent::fraud).forEach(l -> fraud.add(l.transactionId()));
    RunningProfiles running =
        new RunningProfiles(new PostgresCustomerHomes(db).all(), Map.of(), fraud::contains);
    for (HistoryEvent event : events) {
      switch (event) {
        case HistoryEvent.Payment p -> running.record(p.transaction());
        case LabelEvent l -> running.recordLabel(l);
      }
    }

    PostgresCustomerProfiles stored = new PostgresCustomerProfiles(db);
    int compared = 0;
    for (String customer : customers) {
      CustomerProfile batch = stored.find(customer).orElse(null);
      CustomerProfile replayed = running.asOf(customer, Long.MAX_VALUE);
      assertThat(replayed).as(customer).isEqualTo(batch);
      compared += batch == null ? 0 : 1;
    }
    assertThat(compared).isEqualTo(rebuilt).isGreaterThan(70);
    CustomerProfile edges = running.asOf("edges", Long.MAX_VALUE);
    assertThat(edges.homeLatitude()).isEqualTo(40.13);
    assertThat(edges.homeLongitude()).isEqualTo(-74.01);
    assertThat(running.asOf(mover, Long.MAX_VALUE).homeLatitude()).isEqualTo(51.5);
    assertThat(
            running.asOf(mover, payments.get(payments.size() / 2).epochMillis() - 1).homeLatitude())
        .isNotEqualTo(51.5);
  }

  private static void insertHomes(List<DeclaredHomes.Home> homes) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO customer_home (customer_id, declared_at, home_latitude, home_longitude) VALUES (?, ?, ?, ?)")) {
      for (DeclaredHomes.Home home : homes) {
        insert.setString(1, home.customerId());
        insert.setObject(2, OffsetDateTime.ofInstant(home.from(), ZoneOffset.UTC));
        insert.setDouble(3, home.latitude());
        insert.setDouble(4, home.longitude());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
