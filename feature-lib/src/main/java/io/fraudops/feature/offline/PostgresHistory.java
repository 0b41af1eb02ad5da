package io.fraudops.feature.offline;

import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.CardNumber;
import io.fraudops.feature.transaction.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * The offline history as {@link HistoryEvent}s in {@link HistoryEvent#at()} order: payments from
 * the ledger, and labels at the instant they became known, for point-in-time exports and state
 * rebuilds.
 *
 * <p>Ties are fixed so every read gives the same sequence: at one instant payments come before
 * labels (a label known at the very instant of a payment was not known to its screening), payments
 * by transaction id, labels by transaction id then source. Labels whose payment is not in the
 * ledger are left out: there is no customer or merchant to attach them to.
 *
 * <p>Rows are read through a server-side cursor, {@code fetchSize} at a time, so memory stays flat
 * however long the history. The stream holds a connection and a database transaction until it is
 * closed: use it in try-with-resources.
 */
public final class PostgresHistory {

  public static final int DEFAULT_FETCH_SIZE = 10_000;

  // Both sides follow an index in (at, transaction_id) order, so PostgreSQL can merge them rather
  // than
  // sort millions of rows; the ORDER BY still defines the order, whatever plan is chosen.
  private static final String EVENTS =
      """
            SELECT * FROM (
              SELECT t.occurred_at AS at, 0 AS kind, t.transaction_id, NULL::text AS source,
                     t.customer_id, t.card_fingerprint, t.card_masked, t.amount, t.currency, t.merchant_id,
                     t.merchant_category, t.country, t.latitude, t.longitude, t.channel, NULL::boolean AS fraud,
                     t.device_id
              FROM card_transaction t
              UNION ALL
              SELECT l.known_at, 1, l.transaction_id, l.source,
                     t.customer_id, NULL, NULL, NULL, NULL, t.merchant_id,
                     t.merchant_category, NULL, NULL, NULL, NULL, l.fraud, NULL
              FROM transaction_label l JOIN card_transaction t ON t.transaction_id = l.transaction_id
            ) h
            """;
  private static final String ORDER = " ORDER BY h.at, h.kind, h.transaction_id, h.source";
  static final String QUERY = EVENTS + "WHERE h.at >= ? AND h.at < ?" + ORDER;
  static final String OF_TRANSACTIONS = EVENTS + "WHERE h.transaction_id = ANY(?)" + ORDER;

  private final DataSource dataSource;
  private final int fetchSize;

  public PostgresHistory(DataSource dataSource, int fetchSize) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (fetchSize < 1) {
      throw new IllegalArgumentException("fetchSize must be at least 1 (got " + fetchSize + ")");
    }
    this.fetchSize = fetchSize;
  }

  public PostgresHistory(DataSource dataSource) {
    this(dataSource, DEFAULT_FETCH_SIZE);
  }

  /** Every event. Close the stream. */
  public Stream<HistoryEvent> stream() {
    return stream(Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T00:00:00Z"));
  }

  /**
   * Events known in {@code [from, until)}. Close the stream.
   *
   * @throws io.fraudops.feature.FeatureStoreUnavailableException when the ledger cannot be read,
   *     now or while streaming
   */
  public Stream<HistoryEvent> stream(Instant from, Instant until) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    return query(
        QUERY,
        select -> {
          select.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
          select.setObject(2, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        });
  }

  /**
   * The payments with these ids and their labels, in the same order as {@link #stream()}: what a
   * store that missed these payments (an outage) needs replayed. Ids not in the ledger are left
   * out. Close the stream.
   *
   * @throws io.fraudops.feature.FeatureStoreUnavailableException when the ledger cannot be read
   */
  public Stream<HistoryEvent> events(Collection<String> transactionIds) {
    Objects.requireNonNull(transactionIds, "transactionIds");
    String[] ids = transactionIds.toArray(String[]::new);
    return query(
        OF_TRANSACTIONS,
        select -> select.setArray(1, select.getConnection().createArrayOf("text", ids)));
  }

  /** Binds a query's parameters. */
  @FunctionalInterface
  private interface Parameters {
    void bind(PreparedStatement select) throws SQLException;
  }

  private Stream<HistoryEvent> query(String sql, Parameters parameters) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      // pgjdbc only uses a cursor, instead of reading the whole result, outside autocommit.
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      PreparedStatement select =
          connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      select.setFetchSize(fetchSize);
      parameters.bind(select);
      ResultSet rows = select.executeQuery();
      Cursor cursor = new Cursor(connection, rows);
      return StreamSupport.stream(cursor, false).onClose(cursor::close);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw Jdbc.unavailable("read the history", e);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.rollback();
      connection.close();
    } catch (SQLException ignored) {
      // Already failing: the first error is the one worth reporting.
    }
  }

  /** Reads one row per advance; the connection goes back to the pool on close. */
  private static final class Cursor extends Spliterators.AbstractSpliterator<HistoryEvent> {

    private final Connection connection;
    private final ResultSet rows;
    private boolean closed;

    Cursor(Connection connection, ResultSet rows) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.connection = connection;
      this.rows = rows;
    }

    @Override
    public boolean tryAdvance(Consumer<? super HistoryEvent> action) {
      if (closed) {
        return false;
      }
      try {
        if (!rows.next()) {
          close();
          return false;
        }
        action.accept(event(rows));
        return true;
      } catch (SQLException e) {
        close();
        throw Jdbc.unavailable("read the history", e);
      }
    }

    void close() {
      if (!closed) {
        closed = true;
        closeQuietly(connection);
      }
    }

    private static HistoryEvent event(ResultSet row) throws SQLException {
      Instant at = row.getObject("at", OffsetDateTime.class).toInstant();
      if (row.getInt("kind") == 1) {
        return new LabelEvent(
            row.getString("transaction_id"),
            row.getString("customer_id"),
            row.getString("merchant_id"),
            row.getString("merchant_category"),
            row.getBoolean("fraud"),
            row.getString("source"),
            at);
      }
      String masked = row.getString("card_masked");
      CardNumber card =
          masked == null ? null : CardNumber.ofMasked(masked, row.getString("card_fingerprint"));
      return new HistoryEvent.Payment(
          new Transaction(
              row.getString("transaction_id"),
              row.getString("customer_id"),
              card,
              row.getBigDecimal("amount"),
              row.getString("currency"),
              row.getString("merchant_id"),
              row.getString("merchant_category"),
              row.getString("country"),
              row.getObject("latitude", Double.class),
              row.getObject("longitude", Double.class),
              row.getString("channel"),
              at,
              row.getString("device_id")));
    }
  }
}
