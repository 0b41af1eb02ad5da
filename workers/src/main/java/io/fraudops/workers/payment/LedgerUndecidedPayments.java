package io.fraudops.workers.payment;

import io.fraudops.feature.transaction.Transaction;
import io.fraudops.workers.features.UndecidedPayments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger's accepted, undecided payments, read back from their stored (tokenized) payloads. */
final class LedgerUndecidedPayments implements UndecidedPayments {

  private static final Logger log = LoggerFactory.getLogger(LedgerUndecidedPayments.class);
  // A payment the record step or the online repair already wrote to card_transaction is replayed by
  // the rebuild itself.
  private static final String UNDECIDED =
      """
      SELECT p.transaction_id, p.payload::text FROM payment p
      WHERE p.status IN ('RECEIVED', 'SCREENING', 'REVIEW_PENDING')
        AND NOT EXISTS (SELECT 1 FROM card_transaction c WHERE c.transaction_id = p.transaction_id)
      """;

  private final JdbcTemplate jdbc;

  LedgerUndecidedPayments(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public List<Transaction> notInHistory() {
    List<Transaction> payments = new ArrayList<>();
    jdbc.query(
        UNDECIDED,
        rs -> {
          String id = rs.getString(1);
          try {
            payments.add(PaymentDigest.read(rs.getString(2)).toTransaction());
          } catch (RuntimeException e) {
            // Accepted, so valid when it was; a payload that no longer reads cannot be counted.
            // Said,
            // not hidden, and the rebuild goes on with the others.
            log.warn(
                "Payment {} in the ledger cannot be read back ({}); not counted in the rebuilt online state",
                id,
                e.getMessage());
          }
        });
    payments.sort(
        Comparator.comparing(Transaction::timestamp).thenComparing(Transaction::transactionId));
    return payments;
  }
}
