package io.fraudops.cli.e2e;

import io.fraudops.feature.synthetic.LabelledTransaction;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** The synthetic stream after its history, with transaction ids made unique to this run. */
final class PaymentSource {

  private final Iterator<LabelledTransaction> stream;
  private final String runTag;

  PaymentSource(Iterator<LabelledTransaction> stream, String runTag) {
    this.stream = stream;
    this.runTag = runTag;
  }

  /**
   * The next valid payment (the generator's malformed ones are skipped: rejections are not the
   * subject here).
   */
  BenchPayment next() {
    while (stream.hasNext()) {
      LabelledTransaction row = stream.next();
      if (row.transaction() == null
          || !(row.payload().get("transactionId") instanceof String raw)) {
        continue;
      }
      String id = runTag + "-" + raw;
      Map<String, Object> payload = new HashMap<>(row.payload());
      payload.put("transactionId", id);
      return new BenchPayment(id, payload, row.transaction());
    }
    throw new IllegalStateException(
        "The synthetic stream ran out; it was laid out for the planned number of payments");
  }
}
