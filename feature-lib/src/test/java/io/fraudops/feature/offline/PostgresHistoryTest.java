package io.fraudops.feature.offline;

import static io.fraudops.feature.offline.PostgresLabelStoreTest.label;
import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.testsupport.EmbeddedPostgresDb;
import io.fraudops.feature.transaction.Transaction;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresHistoryTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
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

  @BeforeEach
  void cleanTables() throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE card_transaction, transaction_label");
    }
  }

  @Test
  void paymentsAndLabelsComeInKnownAtOrderWithPaymentsFirstOnATie() {
    Transaction a = tx("A", T0).build();
    Transaction b = tx("B", T0.plusSeconds(60)).customer("C2").online().build();
    Transaction c = tx("C", T0.plusSeconds(120)).build();
    Transaction d = tx("D", T0.plusSeconds(120)).amount("99.99").build();
    // Recorded out of order, so only the query can put them in order.
    new PostgresTransactionLedger(db).recordAll(List.of(d, c, b, a));
    PostgresLabelStore labels = new PostgresLabelStore(db);
    labels.recordAll(
        List.of(
            label("A", true, "chargeback", T0.plusSeconds(600)),
            label("A", false, "analyst", T0.plusSeconds(120)), // same instant as payments C and D
            label("B", false, "import", T0.plusSeconds(90)),
            label("A", true, "import", T0.plusSeconds(120)),
            label("nowhere", true, "chargeback", T0.plusSeconds(30))));

    List<String> order;
    try (Stream<HistoryEvent> history = new PostgresHistory(db, 2).stream()) {
      order = history.map(PostgresHistoryTest::describe).toList();
    }

    assertThat(order)
        .containsExactly(
            "payment A",
            "payment B",
            "label B import",
            "payment C",
            "payment D",
            "label A analyst",
            "label A import",
            "label A chargeback");
  }

  @Test
  void paymentsComeBackEqualToWhatWasRecordedWithTheMaskedCard() {
    Transaction located = tx("A", T0).build();
    Transaction online =
        tx("B", T0.plusSeconds(1)).online().amount("1234.50").device("D-42").build();
    new PostgresTransactionLedger(db).recordAll(List.of(located, online));
    new PostgresLabelStore(db).record(label("B", true, "analyst", T0.plusSeconds(5)));

    List<HistoryEvent> events;
    try (Stream<HistoryEvent> history = new PostgresHistory(db).stream()) {
      events = history.toList();
    }

    assertThat(events)
        .containsExactly(
            new HistoryEvent.Payment(located),
            new HistoryEvent.Payment(online),
            new LabelEvent("B", "C1", "M1", "grocery", true, "analyst", T0.plusSeconds(5)));
    assertThat(((HistoryEvent.Payment) events.getFirst()).transaction().card().masked())
        .isEqualTo("411111******1111");
  }

  @Test
  void aTimeRangeIsHalfOpen() {
    new PostgresTransactionLedger(db)
        .recordAll(List.of(tx("A", T0).build(), tx("B", T0.plusSeconds(60)).build()));

    try (Stream<HistoryEvent> history = new PostgresHistory(db).stream(T0, T0.plusSeconds(60))) {
      assertThat(history.map(PostgresHistoryTest::describe)).containsExactly("payment A");
    }
  }

  @Test
  void theEventsOfChosenPaymentsAreTheirPaymentsAndLabelsInHistoryOrder() {
    new PostgresTransactionLedger(db)
        .recordAll(
            List.of(
                tx("A", T0).build(),
                tx("B", T0.plusSeconds(60)).build(),
                tx("C", T0.plusSeconds(120)).build()));
    new PostgresLabelStore(db)
        .recordAll(
            List.of(
                label("A", true, "analyst", T0.plusSeconds(180)),
                label("B", false, "analyst", T0.plusSeconds(90))));

    try (Stream<HistoryEvent> history =
        new PostgresHistory(db).events(List.of("C", "A", "unknown"))) {
      assertThat(history.map(PostgresHistoryTest::describe))
          .containsExactly("payment A", "payment C", "label A analyst");
    }
  }

  @Test
  void rowsAreReadThroughACursorAndTheConnectionIsReturnedOnClose() throws SQLException {
    List<Transaction> many = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      many.add(tx("T" + i, T0.plus(Duration.ofSeconds(i))).build());
    }
    new PostgresTransactionLedger(db).recordAll(many);
    Spy spy = new Spy(db);
    HikariDataSource pool = (HikariDataSource) db;

    try (Stream<HistoryEvent> history = new PostgresHistory(spy, 100).stream()) {
      Iterator<HistoryEvent> events = history.iterator();
      assertThat(describe(events.next())).isEqualTo("payment T0");
      // pgjdbc reads fetchSize rows at a time only outside autocommit, on a forward-only result.
      assertThat(spy.connection.getAutoCommit()).isFalse();
      assertThat(spy.statement.getFetchSize()).isEqualTo(100);
      assertThat(spy.statement.getResultSetType()).isEqualTo(java.sql.ResultSet.TYPE_FORWARD_ONLY);
      assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
      int seen = 1;
      while (events.hasNext()) {
        events.next();
        seen++;
      }
      assertThat(seen).isEqualTo(5_000);
    }
    assertThat(pool.getHikariPoolMXBean().getActiveConnections())
        .as("returned to the pool")
        .isZero();
  }

  @Test
  void closingEarlyReleasesTheConnection() {
    new PostgresTransactionLedger(db)
        .recordAll(List.of(tx("A", T0).build(), tx("B", T0.plusSeconds(1)).build()));
    HikariDataSource pool = (HikariDataSource) db;

    try (Stream<HistoryEvent> history = new PostgresHistory(db, 1).stream()) {
      assertThat(history.findFirst()).isPresent();
    }

    assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
  }

  private static String describe(HistoryEvent event) {
    return switch (event) {
      case HistoryEvent.Payment p -> "payment " + p.transaction().transactionId();
      case LabelEvent l -> "label " + l.transactionId() + " " + l.source();
    };
  }

  /** Keeps the connection and statement handed out, to look at how they were set up. */
  private static final class Spy implements DataSource {

    private final DataSource delegate;
    Connection connection;
    PreparedStatement statement;

    Spy(DataSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = delegate.getConnection();
      connection = real;
      return (Connection)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                try {
                  Object result = method.invoke(real, args);
                  if (result instanceof PreparedStatement prepared) {
                    statement = prepared;
                  }
                  return result;
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public Connection getConnection(String user, String password) {
      throw new UnsupportedOperationException();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
