package io.fraudops.feature.offline;

import io.fraudops.feature.transaction.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Objects;
import javax.sql.DataSource;

/** {@link TransactionLedger} on the {@code card_transaction} table. Thread-safe. */
public final class PostgresTransactionLedger implements TransactionLedger {

  private static final int BATCH_SIZE = 1_000;

  private static final String INSERT =
      """
            INSERT INTO card_transaction (transaction_id, customer_id, card_fingerprint, card_masked, amount,
              currency, merchant_id, merchant_category, country, latitude, longitude, channel, occurred_at, device_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (transaction_id) DO NOTHING""";

  private final DataSource dataSource;

  public PostgresTransactionLedger(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public void record(Transaction tx) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, tx);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw Jdbc.unavailable("record a transaction", e);
    }
  }

  /**
   * Records many transactions in batches (e.g. loading a history); duplicates are skipped.
   *
   * @return how many were new
   */
  public int recordAll(Collection<Transaction> transactions) {
    return Jdbc.insertAll(
        dataSource,
        INSERT,
        transactions,
        BATCH_SIZE,
        PostgresTransactionLedger::bind,
        "record transactions");
  }

  private static void bind(PreparedStatement insert, Transaction tx) throws SQLException {
    insert.setString(1, tx.transactionId());
    insert.setString(2, tx.customerId());
    insert.setString(3, tx.card() == null ? null : tx.card().fingerprint());
    insert.setString(4, tx.card() == null ? null : tx.card().masked());
    insert.setBigDecimal(5, tx.amount());
    insert.setString(6, tx.currency());
    insert.setString(7, tx.merchantId());
    insert.setString(8, tx.merchantCategory());
    insert.setString(9, tx.country());
    insert.setObject(10, tx.latitude(), Types.DOUBLE);
    insert.setObject(11, tx.longitude(), Types.DOUBLE);
    insert.setString(12, tx.channel());
    // An offset date-time, not a Timestamp, so the JVM's default zone cannot shift the instant.
    insert.setObject(13, OffsetDateTime.ofInstant(tx.timestamp(), ZoneOffset.UTC));
    insert.setString(14, tx.deviceId());
  }
}
