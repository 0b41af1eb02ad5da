package io.fraudops.cli.bench;

import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.LabelledTransaction;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import io.fraudops.feature.transaction.Transaction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The synthetic payments, valid ones only: a malformed payload never reaches the hot path (the
 * validate step rejects it first).
 */
final class PaymentStream {

  // About three payments per customer per day, as the replay uses: velocity features then see
  // realistic histories instead of hundreds of payments per customer per hour.
  private static final double PAYMENTS_PER_CUSTOMER_PER_DAY = 3;

  private final Iterator<LabelledTransaction> rows;
  private final double perSecond;

  PaymentStream(SyntheticWorld world, long seed) {
    this.perSecond = world.customers().size() * PAYMENTS_PER_CUSTOMER_PER_DAY / 86_400.0;
    GeneratorSettings settings =
        GeneratorSettings.defaults(seed).withTransactionsPerSecond(perSecond);
    this.rows = new TransactionGenerator(world, settings).iterator();
  }

  /** Simulated arrival rate, payments per second. */
  double perSecond() {
    return perSecond;
  }

  Transaction next() {
    while (true) {
      Transaction tx = rows.next().transaction();
      if (tx != null) {
        return tx;
      }
    }
  }

  /** The next n payments, generated up front so generation never counts in a timing. */
  List<Transaction> take(int n) {
    List<Transaction> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }
}
