package io.fraudops.feature.backfill;

import io.fraudops.feature.synthetic.LabelledTransaction;
import io.fraudops.feature.synthetic.SyntheticCustomer;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.transaction.PayloadKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes synthetic payments as a history file in the documented schema, to exercise and measure the
 * backfill. Labels follow how they arrive in practice:
 *
 * <ul>
 *   <li>fraud: 70 % by chargeback 5 to 60 days later, 30 % by an analyst 2 to 120 minutes later;
 *   <li>legitimate: 3 % cleared by an analyst 2 to 120 minutes later, 2 % imported as {@code false}
 *       without {@code label_known_at} (the backfill's default delay applies), the rest unlabelled.
 * </ul>
 *
 * <p>Bad rows: the generator's malformed payloads (its invalid rate), plus {@code csvDefectRate} of
 * rows broken at the file level (a missing field, an unknown label, a label known before its
 * payment). Card numbers are written in full, as an issuer's export would have them: these files
 * are synthetic, but treat real ones as card data. Given the world, each row carries its customer's
 * home (the address an issuer knows). Deterministic for a given stream and seed.
 */
public final class HistoryCsvWriter {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static final int FRAUD_LABEL = HistoryColumns.ALL.indexOf(HistoryColumns.FRAUD_LABEL);

  private final Random random;
  private final double csvDefectRate;
  private final Map<String, SyntheticCustomer> customers;

  /** Without home columns. */
  public HistoryCsvWriter(long seed, double csvDefectRate) {
    this(seed, csvDefectRate, null);
  }

  /**
   * @param world whose customers' homes the rows carry; null for none
   */
  public HistoryCsvWriter(long seed, double csvDefectRate, SyntheticWorld world) {
    if (!(csvDefectRate >= 0 && csvDefectRate <= 0.5)) {
      throw new IllegalArgumentException(
          "csvDefectRate must be between 0 and 0.5 (got " + csvDefectRate + ")");
    }
    this.random = new Random(seed);
    this.csvDefectRate = csvDefectRate;
    this.customers =
        world == null
            ? Map.of()
            : world.customers().stream()
                .collect(Collectors.toUnmodifiableMap(SyntheticCustomer::customerId, c -> c));
  }

  /**
   * @return counts of what was written
   */
  public Written write(Stream<LabelledTransaction> rows, Writer out) {
    Objects.requireNonNull(out, "out");
    Written written = new Written();
    try {
      out.write(String.join(",", HistoryColumns.ALL) + "\n");
      StringBuilder line = new StringBuilder(256);
      rows.forEachOrdered(
          row -> {
            List<String> fields = fields(row, written);
            line.setLength(0);
            for (int i = 0; i < fields.size(); i++) {
              if (i > 0) {
                line.append(',');
              }
              line.append(CsvLine.quote(fields.get(i)));
            }
            try {
              out.write(line.append('\n').toString());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            written.rows++;
          });
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  private List<String> fields(LabelledTransaction row, Written written) {
    Map<String, Object> payload = row.payload();
    List<String> fields = new ArrayList<>(HistoryColumns.ALL.size());
    fields.add(text(payload.get(PayloadKeys.TRANSACTION_ID)));
    fields.add(text(payload.get(PayloadKeys.CUSTOMER_ID)));
    fields.add(text(payload.get(PayloadKeys.CARD_NUMBER)));
    fields.add(text(payload.get(PayloadKeys.AMOUNT)));
    fields.add(text(payload.get(PayloadKeys.CURRENCY)));
    fields.add(text(payload.get(PayloadKeys.MERCHANT_ID)));
    fields.add(text(payload.get(PayloadKeys.MERCHANT_CATEGORY)));
    fields.add(text(payload.get(PayloadKeys.COUNTRY)));
    fields.add(text(payload.get(PayloadKeys.LATITUDE)));
    fields.add(text(payload.get(PayloadKeys.LONGITUDE)));
    fields.add(text(payload.get(PayloadKeys.CHANNEL)));
    fields.add(text(payload.get(PayloadKeys.TIMESTAMP)));
    fields.add(text(payload.get(PayloadKeys.DEVICE_ID)));
    label(row, fields, written);
    SyntheticCustomer customer = customers.get(text(payload.get(PayloadKeys.CUSTOMER_ID)));
    fields.add(customer == null ? "" : Double.toString(customer.homeLatitude()));
    fields.add(customer == null ? "" : Double.toString(customer.homeLongitude()));
    if (!row.valid()) {
      written.invalid++;
    } else if (random.nextDouble() < csvDefectRate) {
      breakRow(fields, row);
      written.invalid++;
    }
    return fields;
  }

  private void label(LabelledTransaction row, List<String> fields, Written written) {
    Instant at = row.valid() ? row.transaction().timestamp() : null;
    double roll = random.nextDouble();
    if (row.fraud()) {
      boolean chargeback = roll < 0.7;
      Duration delay =
          chargeback
              ? Duration.ofDays(5 + random.nextInt(56)).plusMinutes(random.nextInt(1440))
              : MINUTE.multipliedBy(2 + random.nextInt(119));
      addLabel(
          fields,
          "true",
          chargeback ? "chargeback" : "analyst",
          at == null ? "" : at.plus(delay).toString());
      written.labels++;
      written.fraud++;
    } else if (roll < 0.03) {
      addLabel(
          fields,
          "false",
          "analyst",
          at == null ? "" : at.plus(MINUTE.multipliedBy(2 + random.nextInt(119))).toString());
      written.labels++;
    } else if (roll < 0.05) {
      addLabel(fields, "false", "import", "");
      written.labels++;
    } else {
      addLabel(fields, "", "", "");
    }
  }

  private static void addLabel(List<String> fields, String fraud, String source, String knownAt) {
    fields.add(fraud);
    fields.add(source);
    fields.add(knownAt);
  }

  private void breakRow(List<String> fields, LabelledTransaction row) {
    switch (random.nextInt(3)) {
      case 0 -> fields.removeLast();
      case 1 -> fields.set(FRAUD_LABEL, "maybe");
      default -> {
        fields.set(FRAUD_LABEL, "true");
        fields.set(FRAUD_LABEL + 1, "chargeback");
        fields.set(
            FRAUD_LABEL + 2, row.transaction().timestamp().minus(Duration.ofDays(1)).toString());
      }
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** What a {@link #write} produced (this writer's or {@link KaggleCsvWriter}'s). */
  public static final class Written {
    long rows;
    long labels;
    long fraud;
    long invalid;
    long duplicates;

    public long rows() {
      return rows;
    }

    /** Labels on valid rows and on rows meant to be bad alike. */
    public long labels() {
      return labels;
    }

    /** Rows labelled fraud. */
    public long fraud() {
      return fraud;
    }

    /** Rows meant to be rejected as invalid. */
    public long invalid() {
      return invalid;
    }

    /** Rows that repeat an earlier row's transaction id, meant to be reported as duplicates. */
    public long duplicates() {
      return duplicates;
    }
  }
}
