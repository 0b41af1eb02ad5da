package io.fraudops.feature.offline;

import io.fraudops.feature.history.LabelEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Objects;
import javax.sql.DataSource;

/** {@link LabelStore} on the {@code transaction_label} table. Thread-safe. */
public final class PostgresLabelStore implements LabelStore {

  private static final int BATCH_SIZE = 1_000;

  // The customer and merchant of a label are those of its payment, so only the label itself is
  // stored.
  private static final String INSERT =
      """
            INSERT INTO transaction_label (transaction_id, fraud, source, known_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (transaction_id, source) DO NOTHING""";

  private final DataSource dataSource;

  public PostgresLabelStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public boolean record(LabelEvent label) {
    Objects.requireNonNull(label, "label");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, label);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw Jdbc.unavailable("record a label", e);
    }
  }

  @Override
  public int recordAll(Collection<LabelEvent> labels) {
    return Jdbc.insertAll(
        dataSource, INSERT, labels, BATCH_SIZE, PostgresLabelStore::bind, "record labels");
  }

  private static void bind(PreparedStatement insert, LabelEvent label) throws SQLException {
    insert.setString(1, label.transactionId());
    insert.setBoolean(2, label.fraud());
    insert.setString(3, label.source());
    insert.setObject(4, OffsetDateTime.ofInstant(label.knownAt(), ZoneOffset.UTC));
  }
}
