package io.fraudops.feature.backfill;

import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.transaction.Transaction;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes batches of parsed rows to the ledger, the labels and the declared homes: each batch is copied
 * into a temporary table ({@code COPY}, the fastest way in) and moved from there with a few set-based
 * statements, in one database transaction. Holds one connection for the whole load.
 *
 * <p>Ids are checked on the way: a row whose id an earlier line of this file already had, or that the
 * ledger holds for a different payment, is a duplicate, reported and not loaded (nor its label). A row
 * the ledger already holds as is (the same file loaded again) is counted as already present: re-running
 * a file is safe. "This file" is told apart from earlier loads by the ledger's {@code recorded_at}:
 * rows recorded since this load began are this load's.
 */
final class LedgerLoad implements AutoCloseable {

    private static final String STAGE = """
            CREATE TEMP TABLE IF NOT EXISTS backfill_stage (
              line bigint NOT NULL, transaction_id text NOT NULL, customer_id text NOT NULL,
              card_fingerprint text, card_masked text, amount numeric(12, 2) NOT NULL, currency text NOT NULL,
              merchant_id text NOT NULL, merchant_category text NOT NULL, country text NOT NULL,
              latitude double precision, longitude double precision, channel text NOT NULL,
              occurred_at timestamptz NOT NULL, device_id text, fraud boolean, label_source text,
              label_known_at timestamptz, home_latitude double precision, home_longitude double precision,
              declares_home boolean NOT NULL
            ) ON COMMIT DELETE ROWS""";
    private static final String COPY = "COPY backfill_stage FROM STDIN (FORMAT csv)";
    private static final String CONFLICTS = """
            SELECT s.line, s.transaction_id, s.first_line, t.transaction_id IS NOT NULL AS known,
                   t.recorded_at >= ? AS this_load,
                   (t.customer_id, t.amount, t.merchant_id, t.occurred_at)
                     IS DISTINCT FROM (s.customer_id, s.amount, s.merchant_id, s.occurred_at) AS differs
            FROM (SELECT line, transaction_id, customer_id, amount, merchant_id, occurred_at,
                         min(line) OVER (PARTITION BY transaction_id) AS first_line
                  FROM backfill_stage) s
            LEFT JOIN card_transaction t ON t.transaction_id = s.transaction_id
            WHERE s.line <> s.first_line OR t.transaction_id IS NOT NULL
            ORDER BY s.line""";
    private static final String PAYMENTS = """
            INSERT INTO card_transaction (transaction_id, customer_id, card_fingerprint, card_masked, amount,
              currency, merchant_id, merchant_category, country, latitude, longitude, channel, occurred_at, device_id)
            SELECT transaction_id, customer_id, card_fingerprint, card_masked, amount, currency, merchant_id,
                   merchant_category, country, latitude, longitude, channel, occurred_at, device_id
            FROM backfill_stage WHERE line <> ALL (?) ORDER BY line
            ON CONFLICT (transaction_id) DO NOTHING""";
    private static final String LABELS = """
            INSERT INTO transaction_label (transaction_id, fraud, source, known_at)
            SELECT transaction_id, fraud, label_source, label_known_at FROM backfill_stage
            WHERE fraud IS NOT NULL AND line <> ALL (?)
            ON CONFLICT (transaction_id, source) DO NOTHING""";
    private static final String HOMES = """
            INSERT INTO customer_home (customer_id, declared_at, home_latitude, home_longitude)
            SELECT customer_id, occurred_at, home_latitude, home_longitude FROM backfill_stage
            WHERE declares_home AND line <> ALL (?) ORDER BY line
            ON CONFLICT (customer_id, declared_at) DO NOTHING""";

    /** A parsed row on its way to the stores. */
    record Staged(long line, HistoryRow row, boolean declaresHome) {
    }

    /** A row refused by the load, for the report. */
    record Duplicate(long line, String transactionId, String reason) {
    }

    /** What one batch did. */
    record Outcome(int ingested, int alreadyKnown, int labels, int homes, List<Duplicate> duplicates) {
    }

    private final Connection connection;
    private final OffsetDateTime loadStart;
    private final StringBuilder csv = new StringBuilder(1 << 20);

    LedgerLoad(DataSource dataSource) {
        Connection opened = null;
        try {
            opened = dataSource.getConnection();
            try (Statement statement = opened.createStatement()) {
                // A re-run recovers anything a crash loses, so the load need not wait for each commit's flush.
                statement.execute("SET synchronous_commit = off");
                statement.execute(STAGE);
            }
            OffsetDateTime start;
            try (Statement statement = opened.createStatement();
                 ResultSet now = statement.executeQuery("SELECT statement_timestamp()")) {
                now.next();
                start = now.getObject(1, OffsetDateTime.class);
            }
            opened.setAutoCommit(false);
            this.connection = opened;
            this.loadStart = start;
        } catch (SQLException e) {
            closeQuietly(opened);
            throw unavailable("prepare the load", e);
        }
    }

    Outcome load(List<Staged> batch) {
        if (batch.isEmpty()) {
            return new Outcome(0, 0, 0, 0, List.of());
        }
        try {
            copy(batch);
            List<Duplicate> duplicates = new ArrayList<>();
            List<Long> refused = new ArrayList<>();
            int alreadyKnown = 0;
            try (PreparedStatement select = connection.prepareStatement(CONFLICTS)) {
                select.setObject(1, loadStart);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        long line = row.getLong("line");
                        long first = row.getLong("first_line");
                        String id = row.getString("transaction_id");
                        if (line != first) {
                            duplicates.add(new Duplicate(line, id, "duplicate transaction_id: line " + first
                                    + " has it too; only the first is loaded"));
                        } else if (row.getBoolean("this_load")) {
                            duplicates.add(new Duplicate(line, id, "duplicate transaction_id: an earlier line of"
                                    + " this file has it; only the first is loaded"));
                        } else if (row.getBoolean("differs")) {
                            duplicates.add(new Duplicate(line, id, "duplicate transaction_id: the ledger already"
                                    + " holds another payment with it (customer, amount, merchant or time differ)"));
                        } else {
                            alreadyKnown++;
                            continue;
                        }
                        refused.add(line);
                    }
                }
            }
            Array excluded = connection.createArrayOf("bigint", refused.toArray());
            int ingested = update(PAYMENTS, excluded);
            int labels = update(LABELS, excluded);
            int homes = update(HOMES, excluded);
            connection.commit();
            return new Outcome(ingested, alreadyKnown, labels, homes, duplicates);
        } catch (SQLException | IOException e) {
            rollbackQuietly();
            throw unavailable("load a batch", e);
        }
    }

    private int update(String sql, Array excluded) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, excluded);
            return statement.executeUpdate();
        }
    }

    private void copy(List<Staged> batch) throws SQLException, IOException {
        csv.setLength(0);
        for (Staged staged : batch) {
            Transaction tx = staged.row().transaction();
            csv.append(staged.line()).append(',');
            text(tx.transactionId());
            text(tx.customerId());
            text(tx.card() == null ? null : tx.card().fingerprint());
            text(tx.card() == null ? null : tx.card().masked());
            csv.append(tx.amount().toPlainString()).append(',');
            text(tx.currency());
            text(tx.merchantId());
            text(tx.merchantCategory());
            text(tx.country());
            number(tx.latitude());
            number(tx.longitude());
            text(tx.channel());
            csv.append(tx.timestamp()).append(',');
            text(tx.deviceId());
            var label = staged.row().label();
            csv.append(label == null ? "" : Boolean.toString(label.fraud())).append(',');
            text(label == null ? null : label.source());
            csv.append(label == null ? "" : label.knownAt().toString()).append(',');
            number(staged.row().homeLatitude());
            number(staged.row().homeLongitude());
            csv.append(staged.declaresHome()).append('\n');
        }
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
    }

    // Empty unquoted is NULL in COPY's CSV; ids are never empty, so a quoted "" cannot be confused.
    private void text(String value) {
        if (value != null) {
            csv.append(CsvLine.quote(value));
        }
        csv.append(',');
    }

    private void number(Double value) {
        if (value != null) {
            csv.append(value.doubleValue());
        }
        csv.append(',');
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The first failure is the one reported.
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already failing.
            }
        }
    }

    private static FeatureStoreUnavailableException unavailable(String action, Exception e) {
        String state = e instanceof SQLException sql && sql.getSQLState() != null
                ? " [SQLState " + sql.getSQLState() + "]" : "";
        return new FeatureStoreUnavailableException("PostgreSQL could not " + action + state + ": " + e.getMessage(),
                e);
    }

    @Override
    public void close() {
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS backfill_stage");
            }
        } catch (SQLException ignored) {
            // The pool resets or discards the connection anyway.
        } finally {
            closeQuietly(connection);
        }
    }
}
