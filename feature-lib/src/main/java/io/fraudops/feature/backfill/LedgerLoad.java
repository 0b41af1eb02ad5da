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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes batches of parsed rows to the ledger, the labels and the declared homes: each batch is copied
 * into a temporary table ({@code COPY}, the fastest way in) and moved from there with a few set-based
 * statements, in one database transaction. Holds one connection for the whole load.
 *
 * <p>Ids are checked on the way: a row whose id an earlier line of this file already had, or that the
 * ledger holds for a different payment, is a duplicate, reported and not loaded (nor its label). A row
 * the ledger already holds as is (the same file loaded again) is counted as already present: re-running
 * a file is safe. Repeats within a batch are caught before the database; the others are the ids the
 * insert skipped, looked at one query later. "This file" is told apart from earlier loads by the
 * ledger's {@code recorded_at}: rows recorded since this load began are this load's.
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
    /** Only for the ids the insert skipped: few, unless the file is loaded again. */
    private static final String SKIPPED = """
            SELECT s.line, s.transaction_id, t.recorded_at >= ? AS this_load,
                   (t.customer_id, t.amount, t.merchant_id, t.occurred_at)
                     IS DISTINCT FROM (s.customer_id, s.amount, s.merchant_id, s.occurred_at) AS differs
            FROM backfill_stage s JOIN card_transaction t ON t.transaction_id = s.transaction_id
            WHERE s.transaction_id = ANY (?)
            ORDER BY s.line""";
    private static final String PAYMENTS = """
            INSERT INTO card_transaction (transaction_id, customer_id, card_fingerprint, card_masked, amount,
              currency, merchant_id, merchant_category, country, latitude, longitude, channel, occurred_at, device_id)
            SELECT transaction_id, customer_id, card_fingerprint, card_masked, amount, currency, merchant_id,
                   merchant_category, country, latitude, longitude, channel, occurred_at, device_id
            FROM backfill_stage
            ON CONFLICT (transaction_id) DO NOTHING
            RETURNING transaction_id""";
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
            // A repeat within the batch never reaches the database: the first line of an id is staged.
            List<Duplicate> duplicates = new ArrayList<>();
            Map<String, Long> firstLines = new HashMap<>(batch.size() * 2);
            List<Staged> staged = new ArrayList<>(batch.size());
            for (Staged row : batch) {
                Long first = firstLines.putIfAbsent(row.row().transaction().transactionId(), row.line());
                if (first == null) {
                    staged.add(row);
                } else {
                    duplicates.add(new Duplicate(row.line(), row.row().transaction().transactionId(),
                            "duplicate transaction_id: line " + first + " has it too; only the first is loaded"));
                }
            }
            copy(staged);
            Set<String> inserted = new HashSet<>(staged.size() * 2);
            try (PreparedStatement insert = connection.prepareStatement(PAYMENTS);
                 ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    inserted.add(row.getString(1));
                }
            }
            List<String> skipped = new ArrayList<>();
            for (Staged row : staged) {
                if (!inserted.contains(row.row().transaction().transactionId())) {
                    skipped.add(row.row().transaction().transactionId());
                }
            }
            List<Long> refused = new ArrayList<>();
            int alreadyKnown = 0;
            if (!skipped.isEmpty()) {
                try (PreparedStatement select = connection.prepareStatement(SKIPPED)) {
                    select.setObject(1, loadStart);
                    select.setArray(2, connection.createArrayOf("text", skipped.toArray()));
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            long line = row.getLong("line");
                            String id = row.getString("transaction_id");
                            if (row.getBoolean("this_load")) {
                                duplicates.add(new Duplicate(line, id, "duplicate transaction_id: an earlier line"
                                        + " of this file has it; only the first is loaded"));
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
            }
            Array excluded = connection.createArrayOf("bigint", refused.toArray());
            int labels = update(LABELS, excluded);
            int homes = update(HOMES, excluded);
            connection.commit();
            duplicates.sort(Comparator.comparingLong(Duplicate::line));
            return new Outcome(inserted.size(), alreadyKnown, labels, homes, duplicates);
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
