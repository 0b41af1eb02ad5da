package io.fraudops.feature.backfill;

import io.fraudops.feature.history.LabelEvent;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes the labels and home declarations of batches whose payments are already in the ledger, on a
 * connection of its own: it works on one batch while {@link PaymentLoad} writes the next, so the
 * load uses two database processes. A label is only ever visible after its payment, as the history
 * stream needs. Lines the payment load refused (duplicates) are left out.
 */
final class LabelLoad implements AutoCloseable {

  private static final String STAGE =
      """
            CREATE TEMP TABLE IF NOT EXISTS backfill_labels (
              transaction_id text NOT NULL, fraud boolean, source text, known_at timestamptz,
              customer_id text NOT NULL, declared_at timestamptz, home_latitude double precision,
              home_longitude double precision
            ) ON COMMIT DELETE ROWS""";
  private static final String LABELS =
      """
            INSERT INTO transaction_label (transaction_id, fraud, source, known_at)
            SELECT transaction_id, fraud, source, known_at FROM backfill_labels WHERE fraud IS NOT NULL
            ON CONFLICT (transaction_id, source) DO NOTHING""";
  private static final String HOMES =
      """
            INSERT INTO customer_home (customer_id, declared_at, home_latitude, home_longitude)
            SELECT customer_id, declared_at, home_latitude, home_longitude FROM backfill_labels
            WHERE declared_at IS NOT NULL
            ON CONFLICT (customer_id, declared_at) DO NOTHING""";

  /** What one batch did. */
  record Outcome(int labels, int homes) {}

  private final LoadConnection db;
  private final HomeDeclarations homes = new HomeDeclarations();
  private final StringBuilder csv = new StringBuilder(1 << 18);

  LabelLoad(DataSource dataSource) {
    this.db = new LoadConnection(dataSource, "backfill_labels", STAGE);
  }

  /** Batches must come in file order: which row declares a home depends on the rows before it. */
  Outcome load(List<PaymentLoad.Staged> batch, Set<Long> refused) {
    csv.setLength(0);
    for (PaymentLoad.Staged staged : batch) {
      if (refused.contains(staged.line())) {
        continue;
      }
      LabelEvent label = staged.row().label();
      boolean declaresHome = homes.declares(staged.row());
      if (label == null && !declaresHome) {
        continue;
      }
      LoadConnection.text(csv, staged.row().transaction().transactionId());
      csv.append(label == null ? "" : Boolean.toString(label.fraud())).append(',');
      LoadConnection.text(csv, label == null ? null : label.source());
      csv.append(label == null ? "" : label.knownAt().toString()).append(',');
      LoadConnection.text(csv, staged.row().transaction().customerId());
      if (declaresHome) {
        csv.append(staged.row().transaction().timestamp()).append(',');
        LoadConnection.number(csv, staged.row().homeLatitude());
        csv.append(staged.row().homeLongitude().doubleValue());
      } else {
        csv.append(",,");
      }
      csv.append('\n');
    }
    if (csv.isEmpty()) {
      return new Outcome(0, 0);
    }
    try {
      db.copy(csv);
      int labels = update(LABELS);
      int homes = update(HOMES);
      db.connection.commit();
      return new Outcome(labels, homes);
    } catch (SQLException | IOException e) {
      db.rollbackQuietly();
      throw LoadConnection.unavailable("load a batch of labels", e);
    }
  }

  private int update(String sql) throws SQLException {
    try (PreparedStatement statement = db.connection.prepareStatement(sql)) {
      return statement.executeUpdate();
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
