package io.fraudops.feature.offline;

import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.HistorySource;
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
import java.util.OptionalLong;
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

  /** The label half of {@link #QUERY}, alone, in the same order and columns. */
  static final String LABELS =
      """
            SELECT l.known_at AS at, 1 AS kind, l.transaction_id, l.source, t.customer_id, NULL, NULL, NULL, NULL,
                   t.merchant_id, t.merchant_category, NULL, NULL, NULL, NULL, l.fraud, NULL
            FROM transaction_label l JOIN card_transaction t ON t.transaction_id = l.transaction_id
            WHERE l.known_at >= ? AND l.known_at < ?
            ORDER BY l.known_at, l.transaction_id, l.source""";

  static final String PAYMENTS =
      """
            SELECT count(*) FROM card_transaction WHERE occurred_at >= ? AND occurred_at < ?""";

  private static final int READ_AHEAD_CHUNK = 1_000;
  private static final int READ_AHEAD_CHUNKS = 16;
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

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
    return stream(EARLIEST, LATEST);
  }

  /**
   * The events known in {@code [from, until)} as a source that can be read again; null bounds for
   * all.
   */
  public HistorySource source(Instant from, Instant until) {
    Instant start = from == null ? EARLIEST : from;
    Instant end = until == null ? LATEST : until;
    return new HistorySource() {
      @Override
      public Stream<HistoryEvent> events() {
        // A reader thread turns rows into events while the caller replays them.
        return ReadAhead.of(stream(start, end), READ_AHEAD_CHUNK, READ_AHEAD_CHUNKS);
      }

      @Override
      public Stream<LabelEvent> labels() {
        return PostgresHistory.this.labels(start, end);
      }

      @Override
      public OptionalLong payments() {
        return OptionalLong.of(paymentCount(start, end));
      }
    };
  }

  /** The labels of {@link #stream(Instant, Instant)} alone, in the same order. Close the stream. */
  public Stream<LabelEvent> labels(Instant from, Instant until) {
    return open(LABELS, from, until, row -> (LabelEvent) event(row));
  }

  /** Payments made in {@code [from, until)}. */
  public long paymentCount(Instant from, Instant until) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(PAYMENTS)) {
      select.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
      select.setObject(2, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw Jdbc.unavailable("count the payments", e);
    }
  }

  /**
   * Events known in {@code [from, until)}. Close the stream.
   *
   * @throws io.fraudops.feature.FeatureStoreUnavailableException when the ledger cannot be read,
   *     now or while streaming
   */
  public Stream<HistoryEvent> stream(Instant from, Instant until) {
    return open(QUERY, from, until, PostgresHistory::event);
  }

  private <T> Stream<T> open(String query, Instant from, Instant until, RowReader<T> reader) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    return query(
        query,
        select -> {
          select.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
          select.setObject(2, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        },
        reader);
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
        select -> select.setArray(1, select.getConnection().createArrayOf("text", ids)),
        PostgresHistory::event);
  }

  /** Binds a query's parameters. */
  @FunctionalInterface
  private interface Parameters {
    void bind(PreparedStatement select) throws SQLException;
  }

  private <T> Stream<T> query(String sql, Parameters parameters, RowReader<T> reader) {
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
      Cursor<T> cursor = new Cursor<>(connection, rows, reader);
      return StreamSupport.stream(cursor, false).onClose(cursor::close);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw Jdbc.unavailable("read the history", e);
    }
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
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
  private static final class Cursor<T> extends Spliterators.AbstractSpliterator<T> {

    private final Connection connection;
    private final ResultSet rows;
    private final RowReader<T> reader;
    private boolean closed;

    Cursor(Connection connection, ResultSet rows, RowReader<T> reader) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.connection = connection;
      this.rows = rows;
      this.reader = reader;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      if (closed) {
        return false;
      }
      try {
        if (!rows.next()) {
          close();
          return false;
        }
        action.accept(reader.read(rows));
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
  }

  // By position, in the order of the queries' columns: looking columns up by name costs more than
  // the rest.
  private static HistoryEvent event(ResultSet row) throws SQLException {
    Instant at = row.getObject(1, OffsetDateTime.class).toInstant();
    if (row.getInt(2) == 1) {
      return new LabelEvent(
          row.getString(3),
          row.getString(5),
          row.getString(10),
          row.getString(11),
          row.getBoolean(16),
          row.getString(4),
          at);
    }
    String masked = row.getString(7);
    CardNumber card = masked == null ? null : CardNumber.ofMasked(masked, row.getString(6));
    return new HistoryEvent.Payment(
        new Transaction(
            row.getString(3),
            row.getString(5),
            card,
            row.getBigDecimal(8),
            row.getString(9),
            row.getString(10),
            row.getString(11),
            row.getString(12),
            row.getObject(13, Double.class),
            row.getObject(14, Double.class),
            row.getString(15),
            at,
            row.getString(17)));
  }
}
