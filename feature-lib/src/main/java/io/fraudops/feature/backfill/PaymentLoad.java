package io.fraudops.feature.backfill;

import io.fraudops.feature.transaction.Transaction;
import java.io.IOException;
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
import javax.sql.DataSource;

/**
 * Writes batches of payments to the ledger, checking ids on the way: a row whose id an earlier line
 * of this file already had, or that the ledger holds for a different payment, is a duplicate,
 * reported and not loaded (its label is then left out too, by {@link LabelLoad}). A row the ledger
 * already holds as is (the same file loaded again) is counted as already present: re-running a file
 * is safe.
 *
 * <p>Repeats within a batch are caught before the database; the others are the ids the insert
 * skipped, looked at one query later. "This file" is told apart from earlier loads by the ledger's
 * {@code recorded_at}: rows recorded since this load began are this load's. Batches must come in
 * file order, one at a time, so the first line of an id is the one loaded.
 */
final class PaymentLoad implements AutoCloseable {

  private static final String STAGE =
      """
            CREATE TEMP TABLE IF NOT EXISTS backfill_payments (
              line bigint NOT NULL, transaction_id text NOT NULL, customer_id text NOT NULL,
              card_fingerprint text, card_masked text, amount numeric(12, 2) NOT NULL, currency text NOT NULL,
              merchant_id text NOT NULL, merchant_category text NOT NULL, country text NOT NULL,
              latitude double precision, longitude double precision, channel text NOT NULL,
              occurred_at timestamptz NOT NULL, device_id text
            ) ON COMMIT DELETE ROWS""";
  private static final String INSERT =
      """
            INSERT INTO card_transaction (transaction_id, customer_id, card_fingerprint, card_masked, amount,
              currency, merchant_id, merchant_category, country, latitude, longitude, channel, occurred_at, device_id)
            SELECT transaction_id, customer_id, card_fingerprint, card_masked, amount, currency, merchant_id,
                   merchant_category, country, latitude, longitude, channel, occurred_at, device_id
            FROM backfill_payments
            ON CONFLICT (transaction_id) DO NOTHING
            RETURNING transaction_id""";

  /** Only for the ids the insert skipped: few, unless the file is loaded again. */
  private static final String SKIPPED =
      """
            SELECT s.line, s.transaction_id, t.recorded_at >= ? AS this_load,
                   (t.customer_id, t.amount, t.merchant_id, t.occurred_at)
                     IS DISTINCT FROM (s.customer_id, s.amount, s.merchant_id, s.occurred_at) AS differs
            FROM backfill_payments s JOIN card_transaction t ON t.transaction_id = s.transaction_id
            WHERE s.transaction_id = ANY (?)
            ORDER BY s.line""";

  /** A parsed row on its way to the stores, with its line in the file. */
  record Staged(long line, HistoryRow row) {}

  /** A line refused by the load, for the report. */
  record Duplicate(long line, String transactionId, String reason) {}

  /** What one batch did; {@code refused} are the lines of {@code duplicates}. */
  record Outcome(int ingested, int alreadyKnown, List<Duplicate> duplicates, Set<Long> refused) {}

  private final LoadConnection db;
  private final OffsetDateTime loadStart;
  private final StringBuilder csv = new StringBuilder(1 << 20);

  PaymentLoad(DataSource dataSource) {
    this.db = new LoadConnection(dataSource, "backfill_payments", STAGE);
    try (Statement statement = db.connection.createStatement();
        ResultSet now = statement.executeQuery("SELECT statement_timestamp()")) {
      now.next();
      this.loadStart = now.getObject(1, OffsetDateTime.class);
      db.connection.commit();
    } catch (SQLException e) {
      db.close();
      throw LoadConnection.unavailable("prepare the load", e);
    }
  }

  Outcome load(List<Staged> batch) {
    List<Duplicate> duplicates = new ArrayList<>();
    Map<String, Long> firstLines = new HashMap<>(batch.size() * 2);
    List<Staged> staged = new ArrayList<>(batch.size());
    for (Staged row : batch) {
      Long first = firstLines.putIfAbsent(row.row().transaction().transactionId(), row.line());
      if (first == null) {
        staged.add(row);
      } else {
        duplicates.add(
            new Duplicate(
                row.line(),
                row.row().transaction().transactionId(),
                "duplicate transaction_id: line "
                    + first
                    + " has it too; only the first is loaded"));
      }
    }
    if (staged.isEmpty()) {
      return outcome(0, 0, duplicates);
    }
    try {
      db.copy(csv(staged));
      Set<String> inserted = new HashSet<>(staged.size() * 2);
      try (PreparedStatement insert = db.connection.prepareStatement(INSERT);
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
      int alreadyKnown = skipped.isEmpty() ? 0 : classify(skipped, duplicates);
      db.connection.commit();
      return outcome(inserted.size(), alreadyKnown, duplicates);
    } catch (SQLException | IOException e) {
      db.rollbackQuietly();
      throw LoadConnection.unavailable("load a batch of payments", e);
    }
  }

  /**
   * @return how many of the skipped rows the ledger already holds as they are
   */
  private int classify(List<String> skipped, List<Duplicate> duplicates) throws SQLException {
    int alreadyKnown = 0;
    try (PreparedStatement select = db.connection.prepareStatement(SKIPPED)) {
      select.setObject(1, loadStart);
      select.setArray(2, db.connection.createArrayOf("text", skipped.toArray()));
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          long line = row.getLong("line");
          String id = row.getString("transaction_id");
          if (row.getBoolean("this_load")) {
            duplicates.add(
                new Duplicate(
                    line,
                    id,
                    "duplicate transaction_id: an earlier line of this"
                        + " file has it; only the first is loaded"));
          } else if (row.getBoolean("differs")) {
            duplicates.add(
                new Duplicate(
                    line,
                    id,
                    "duplicate transaction_id: the ledger already holds"
                        + " another payment with it (customer, amount, merchant or time differ)"));
          } else {
            alreadyKnown++;
          }
        }
      }
    }
    return alreadyKnown;
  }

  private static Outcome outcome(int ingested, int alreadyKnown, List<Duplicate> duplicates) {
    duplicates.sort(Comparator.comparingLong(Duplicate::line));
    Set<Long> refused = new HashSet<>();
    duplicates.forEach(d -> refused.add(d.line()));
    return new Outcome(ingested, alreadyKnown, duplicates, refused);
  }

  private CharSequence csv(List<Staged> batch) {
    csv.setLength(0);
    for (Staged staged : batch) {
      Transaction tx = staged.row().transaction();
      csv.append(staged.line()).append(',');
      LoadConnection.text(csv, tx.transactionId());
      LoadConnection.text(csv, tx.customerId());
      LoadConnection.text(csv, tx.card() == null ? null : tx.card().fingerprint());
      LoadConnection.text(csv, tx.card() == null ? null : tx.card().masked());
      csv.append(tx.amount().toPlainString()).append(',');
      LoadConnection.text(csv, tx.currency());
      LoadConnection.text(csv, tx.merchantId());
      LoadConnection.text(csv, tx.merchantCategory());
      LoadConnection.text(csv, tx.country());
      LoadConnection.number(csv, tx.latitude());
      LoadConnection.number(csv, tx.longitude());
      LoadConnection.text(csv, tx.channel());
      csv.append(tx.timestamp()).append(',');
      if (tx.deviceId() != null) {
        csv.append(CsvLine.quote(tx.deviceId()));
      }
      csv.append('\n');
    }
    return csv;
  }

  @Override
  public void close() {
    db.close();
  }
}
