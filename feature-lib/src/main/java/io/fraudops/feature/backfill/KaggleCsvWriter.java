package io.fraudops.feature.backfill;

import io.fraudops.feature.synthetic.LabelledTransaction;
import io.fraudops.feature.synthetic.SyntheticCustomer;
import io.fraudops.feature.synthetic.SyntheticMerchant;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.transaction.PayloadKeys;
import io.fraudops.feature.transaction.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes synthetic payments in the shape of the public card-fraud datasets ({@code
 * fraudTrain.csv}): {@link HistoryFormat#KAGGLE_COLUMNS}, one row per payment, {@code is_fraud} 0
 * or 1 on every row, the card number as the customer, their home in {@code lat}/{@code long}, times
 * as {@code yyyy-MM-dd HH:mm:ss} in UTC. What such files have and the world does not (names,
 * street, job, date of birth) is made up per customer, deterministically. Unlike the public files,
 * online payments have no merchant location ({@code merch_lat}, {@code merch_long} empty), and
 * {@code unix_time} is the same instant as {@code trans_date_trans_time} (in the public files it is
 * years off).
 *
 * <p>Bad rows, {@code csvDefectRate} of them: a negative amount, an impossible date, a card number
 * failing the Luhn check, a missing field, or an earlier row's {@code trans_num} (a duplicate id).
 * Invalid payloads of the generator are skipped: this format has no place for most of their
 * defects.
 */
public final class KaggleCsvWriter {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String[] FIRST_FEMALE = {
    "Jennifer",
    "Mary",
    "Stephanie",
    "Susan",
    "Kimberly",
    "Lisa",
    "Amanda",
    "Elizabeth",
    "Ashley",
    "Rebecca",
    "Emily",
    "Sarah",
    "Laura",
    "Michelle",
    "Karen"
  };
  private static final String[] FIRST_MALE = {
    "Christopher",
    "Robert",
    "Michael",
    "James",
    "David",
    "John",
    "William",
    "Daniel",
    "Joseph",
    "Thomas",
    "Brian",
    "Kevin",
    "Jason",
    "Mark",
    "Steven"
  };
  private static final String[] LAST = {
    "Smith",
    "Williams",
    "Johnson",
    "Jones",
    "Davis",
    "Brown",
    "Miller",
    "Garcia",
    "Rodriguez",
    "Martinez",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Hill",
    "Campbell",
    "Mitchell",
    "Roberts",
    "Carter",
    "Phillips",
    "Evans",
    "Turner",
    "Torres",
    "Parker",
    "Collins",
    "Edwards",
    "Stewart",
    "Flores",
    "Morris",
    "Murphy",
    "Cook",
    "Rogers",
    "Morgan",
    "Cooper",
    "Peterson",
    "Reed",
    "Bailey",
    "Bell",
    "Kelly",
    "Howard"
  };
  private static final String[] STREETS = {
    "Oak",
    "Maple",
    "Cedar",
    "Pine",
    "Elm",
    "Washington",
    "Lake",
    "Hill",
    "Park",
    "Main",
    "Church",
    "River",
    "Forest",
    "Spring",
    "Sunset"
  };
  private static final String[] STREET_KINDS = {
    "Street", "Avenue", "Road", "Lane", "Drive", "Court", "Way"
  };
  private static final String[] JOBS = {
    "Nurse",
    "Teacher, secondary school",
    "Accountant, chartered",
    "Software engineer",
    "Electrician",
    "Pharmacist",
    "Architect",
    "Police officer",
    "Chef",
    "Civil engineer, contracting",
    "Librarian, public",
    "Retail manager",
    "Paramedic",
    "Journalist",
    "Surveyor, land/geomatics"
  };

  /** State (or region), ZIP-like prefix and population of each city the world knows. */
  private static final Map<String, Object[]> CITIES =
      Map.ofEntries(
          Map.entry("New York", new Object[] {"NY", 100, 8_336_817}),
          Map.entry("Chicago", new Object[] {"IL", 606, 2_693_976}),
          Map.entry("Los Angeles", new Object[] {"CA", 900, 3_979_576}),
          Map.entry("Toronto", new Object[] {"ON", 500, 2_731_571}),
          Map.entry("London", new Object[] {"LND", 101, 8_982_000}),
          Map.entry("Dublin", new Object[] {"D", 102, 554_554}),
          Map.entry("Paris", new Object[] {"IDF", 750, 2_161_000}),
          Map.entry("Amsterdam", new Object[] {"NH", 101, 872_680}),
          Map.entry("Berlin", new Object[] {"BE", 101, 3_645_000}),
          Map.entry("Madrid", new Object[] {"MD", 280, 3_223_000}),
          Map.entry("Sydney", new Object[] {"NSW", 200, 5_312_000}),
          Map.entry("Singapore", new Object[] {"SG", 100, 5_686_000}));

  private final Random random;
  private final double csvDefectRate;
  private final Map<String, SyntheticCustomer> customers = new HashMap<>();
  private final Map<String, String> merchantNames = new HashMap<>();
  private final Map<String, List<String>> people = new HashMap<>();
  private final MessageDigest md5;
  private final long seed;

  /**
   * The id of the last row written unbroken: a duplicate copies it, so it duplicates a loaded row.
   */
  private String previousId;

  public KaggleCsvWriter(long seed, double csvDefectRate, SyntheticWorld world) {
    if (!(csvDefectRate >= 0 && csvDefectRate <= 0.5)) {
      throw new IllegalArgumentException(
          "csvDefectRate must be between 0 and 0.5 (got " + csvDefectRate + ")");
    }
    this.seed = seed;
    this.random = new Random(seed);
    this.csvDefectRate = csvDefectRate;
    world.customers().forEach(c -> customers.put(c.customerId(), c));
    List<SyntheticMerchant> merchants = world.merchants();
    for (int i = 0; i < merchants.size(); i++) {
      merchantNames.put(merchants.get(i).merchantId(), merchantName(i));
    }
    try {
      this.md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships MD5", e);
    }
  }

  /**
   * @return counts of what was written; {@code labels} counts every row (each has is_fraud)
   */
  public HistoryCsvWriter.Written write(Stream<LabelledTransaction> rows, Writer out) {
    Objects.requireNonNull(out, "out");
    HistoryCsvWriter.Written written = new HistoryCsvWriter.Written();
    StringBuilder line = new StringBuilder(320);
    try {
      out.write(String.join(",", HistoryFormat.KAGGLE_COLUMNS) + "\n");
      var valid = rows.filter(LabelledTransaction::valid).iterator();
      while (valid.hasNext()) {
        List<String> fields = fields(valid.next(), written);
        line.setLength(0);
        for (int i = 0; i < fields.size(); i++) {
          if (i > 0) {
            line.append(',');
          }
          line.append(CsvLine.quote(fields.get(i)));
        }
        out.write(line.append('\n').toString());
        written.rows++;
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  private List<String> fields(LabelledTransaction row, HistoryCsvWriter.Written written) {
    Transaction tx = row.transaction();
    SyntheticCustomer customer = customers.get(tx.customerId());
    List<String> person = people.computeIfAbsent(tx.customerId(), id -> person(customer));
    String id = transactionNumber(tx.transactionId());
    List<String> fields = new ArrayList<>(HistoryFormat.KAGGLE_COLUMNS.size());
    fields.add(LOCAL.format(tx.timestamp()));
    fields.add((String) row.payload().get(PayloadKeys.CARD_NUMBER));
    fields.add(merchantNames.get(tx.merchantId()));
    fields.add(tx.merchantCategory());
    fields.add(tx.amount().toPlainString());
    fields.addAll(person);
    fields.add(Double.toString(customer.homeLatitude()));
    fields.add(Double.toString(customer.homeLongitude()));
    fields.add(populationOf(customer));
    fields.add(jobOf(customer));
    fields.add(birthDateOf(customer));
    fields.add(id);
    fields.add(Long.toString(tx.timestamp().getEpochSecond()));
    fields.add(tx.hasLocation() ? tx.latitude().toString() : "");
    fields.add(tx.hasLocation() ? tx.longitude().toString() : "");
    fields.add(row.fraud() ? "1" : "0");
    written.labels++;
    written.fraud += row.fraud() ? 1 : 0;
    if (random.nextDouble() < csvDefectRate) {
      breakRow(fields, written);
    } else {
      previousId = id;
    }
    return fields;
  }

  private void breakRow(List<String> fields, HistoryCsvWriter.Written written) {
    int column = random.nextInt(5);
    if (column == 4 && previousId == null) {
      column = 0;
    }
    switch (column) {
      case 0 -> fields.set(4, "-" + fields.get(4));
      case 1 -> fields.set(0, "2019-13-45 25:61:00");
      case 2 -> {
        String card = fields.get(1);
        char last = card.charAt(card.length() - 1);
        fields.set(1, card.substring(0, card.length() - 1) + (char) ('0' + (last - '0' + 1) % 10));
      }
      case 3 -> fields.removeLast();
      default -> {
        fields.set(17, previousId);
        written.duplicates++;
        return;
      }
    }
    written.invalid++;
  }

  /** first, last, gender, street, city, state, zip: fixed per customer. */
  private List<String> person(SyntheticCustomer customer) {
    Random own = new Random(seed ^ customer.customerId().hashCode() * 0x9E3779B97F4A7C15L);
    boolean female = own.nextBoolean();
    String first =
        female
            ? FIRST_FEMALE[own.nextInt(FIRST_FEMALE.length)]
            : FIRST_MALE[own.nextInt(FIRST_MALE.length)];
    String last = LAST[own.nextInt(LAST.length)];
    String street =
        (100 + own.nextInt(9_900))
            + " "
            + STREETS[own.nextInt(STREETS.length)]
            + " "
            + STREET_KINDS[own.nextInt(STREET_KINDS.length)];
    Object[] city = CITIES.getOrDefault(customer.homeCity(), new Object[] {"", 0, 0});
    String zip = String.format("%05d", ((Integer) city[1]) * 100 + own.nextInt(100));
    return List.of(
        first, last, female ? "F" : "M", street, customer.homeCity(), (String) city[0], zip);
  }

  private static String populationOf(SyntheticCustomer customer) {
    Object[] city = CITIES.getOrDefault(customer.homeCity(), new Object[] {"", 0, 0});
    return city[2].toString();
  }

  private String jobOf(SyntheticCustomer customer) {
    return JOBS[Math.floorMod((customer.customerId() + seed).hashCode(), JOBS.length)];
  }

  private String birthDateOf(SyntheticCustomer customer) {
    int days = Math.floorMod((customer.customerId() + "/" + seed).hashCode(), 60 * 365);
    return LocalDate.of(1945, 1, 1).plusDays(days).toString();
  }

  /**
   * 32 hex characters, like the public files' ids: the MD5 of the generator's id, so unique as it
   * is.
   */
  private String transactionNumber(String transactionId) {
    return HexFormat.of().formatHex(md5.digest(transactionId.getBytes(StandardCharsets.UTF_8)));
  }

  /** "fraud_Kub, Mann and Lee": every merchant its own name (the index picks the three names). */
  private static String merchantName(int index) {
    int n = LAST.length;
    return "fraud_"
        + LAST[index % n]
        + ", "
        + LAST[(index / n) % n]
        + " and "
        + LAST[(index / (n * n) + index) % n];
  }
}
