package io.fraudops.feature.chargeback;

import io.fraudops.feature.FeatureStoreUnavailableException;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.online.OnlineFeatureStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Records chargebacks as fraud labels: in the offline store ({@code transaction_label}, source
 * {@code chargeback}, with the {@code chargeback} row keeping the reason), so the next training
 * export sees them, and in the online store, so the merchant's and the category's fraud rates of
 * later payments count them. The payment must be in the offline store ({@code card_transaction}):
 * its customer, merchant and category are the label's.
 *
 * <p>Recording the same chargeback again changes nothing and answers as the first time did; it also
 * writes the online label again, which is idempotent, so a call that failed on the online store is
 * simply repeated.
 */
public final class Chargebacks {

  private static final String FIND_PAYMENT =
      """
            SELECT customer_id, merchant_id, merchant_category, occurred_at FROM card_transaction
            WHERE transaction_id = ?""";
  private static final String INSERT_CHARGEBACK =
      """
            INSERT INTO chargeback (transaction_id, reason, chargeback_date, known_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (transaction_id) DO NOTHING""";
  private static final String INSERT_LABEL =
      """
            INSERT INTO transaction_label (transaction_id, fraud, source, known_at) VALUES (?, true, 'chargeback', ?)
            ON CONFLICT (transaction_id, source) DO NOTHING""";
  private static final String RECORDED =
      """
            SELECT c.reason, c.chargeback_date, l.known_at FROM chargeback c
            JOIN transaction_label l ON l.transaction_id = c.transaction_id AND l.source = 'chargeback'
            WHERE c.transaction_id = ?""";

  private final DataSource dataSource;
  private final OnlineFeatureStore online;
  private final Clock clock;

  /**
   * @param online null to record the offline label only (a tool without the workers' Redis)
   */
  public Chargebacks(DataSource dataSource, OnlineFeatureStore online, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.online = online;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What was recorded.
   *
   * @param created false when this chargeback was recorded before (then reason, date and knownAt
   *     are the first report's)
   * @param online whether the online store has the label too
   */
  public record Recorded(
      String transactionId,
      String reason,
      LocalDate date,
      Instant knownAt,
      boolean created,
      boolean online) {}

  /**
   * @throws UnknownTransactionException when no such payment is in the offline store
   * @throws IllegalArgumentException when the date is in the future or before the payment's day
   * @throws FeatureStoreUnavailableException when the offline store cannot be written, or the
   *     online store cannot (then the offline label is recorded: repeat the call)
   */
  public Recorded record(Chargeback chargeback) {
    Instant now = clock.instant();
    if (chargeback.date().isAfter(now.atOffset(ZoneOffset.UTC).toLocalDate())) {
      throw new IllegalArgumentException("date " + chargeback.date() + " is in the future");
    }
    try (Connection connection = dataSource.getConnection()) {
      LabelEvent label;
      Stored stored;
      boolean created;
      connection.setAutoCommit(false);
      try {
        Payment payment = find(connection, chargeback.transactionId());
        if (chargeback
            .date()
            .isBefore(payment.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate())) {
          throw new IllegalArgumentException(
              "date "
                  + chargeback.date()
                  + " is before the payment "
                  + chargeback.transactionId()
                  + " was made ("
                  + payment.occurredAt()
                  + ")");
        }
        Instant knownAt = chargeback.knownAt(now);
        created =
            insert(
                connection,
                INSERT_CHARGEBACK,
                chargeback.transactionId(),
                chargeback.reason(),
                chargeback.date(),
                OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC));
        insert(
            connection,
            INSERT_LABEL,
            chargeback.transactionId(),
            OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC));
        connection.commit();
        stored = stored(connection, chargeback.transactionId());
        label =
            new LabelEvent(
                chargeback.transactionId(),
                payment.customerId(),
                payment.merchantId(),
                payment.category(),
                true,
                "chargeback",
                stored.knownAt());
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      }
      if (online != null) {
        online.recordLabel(label);
      }
      return new Recorded(
          chargeback.transactionId(),
          stored.reason(),
          stored.date(),
          stored.knownAt(),
          created,
          online != null);
    } catch (SQLException e) {
      throw new FeatureStoreUnavailableException(
          "offline store unavailable: cannot record a chargeback (" + e.getMessage() + ")", e);
    }
  }

  private record Payment(
      String customerId, String merchantId, String category, Instant occurredAt) {}

  private record Stored(String reason, LocalDate date, Instant knownAt) {}

  private static Payment find(Connection connection, String transactionId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(FIND_PAYMENT)) {
      select.setString(1, transactionId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new UnknownTransactionException(transactionId);
        }
        return new Payment(
            row.getString(1),
            row.getString(2),
            row.getString(3),
            row.getObject(4, OffsetDateTime.class).toInstant());
      }
    }
  }

  private static Stored stored(Connection connection, String transactionId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(RECORDED)) {
      select.setString(1, transactionId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException(
              "chargeback of " + transactionId + " not found right after recording it");
        }
        return new Stored(
            row.getString(1),
            row.getObject(2, LocalDate.class),
            row.getObject(3, OffsetDateTime.class).toInstant());
      }
    }
  }

  private static boolean insert(Connection connection, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      return insert.executeUpdate() == 1;
    }
  }
}
