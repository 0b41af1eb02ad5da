package io.fraudops.feature.training;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fraudops.feature.FeatureService;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.catalogue.Geo;
import io.fraudops.feature.history.HistoryEvent;
import io.fraudops.feature.history.HistorySource;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.offline.DeclaredHomes;
import io.fraudops.feature.online.InMemoryOnlineFeatureStore;
import io.fraudops.feature.synthetic.GeneratorSettings;
import io.fraudops.feature.synthetic.SyntheticWorld;
import io.fraudops.feature.synthetic.TransactionGenerator;
import io.fraudops.feature.transaction.Transaction;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PointInTimeExportTest {

  private static SyntheticWorld world;
  private static TransactionGenerator generator;
  private static List<HistoryEvent> history;
  private static PointInTimeExport export;

  @BeforeAll
  static void generate() {
    world = SyntheticWorld.create(7, 200, 60);
    generator =
        new TransactionGenerator(
            world,
            GeneratorSettings.defaults(7)
                .withTransactionsPerSecond(200 * 3 / 86_400.0)
                .withRates(0.04, 0.01));
    history = generator.history().limit(25_000).toList();
    export = new PointInTimeExport(FeatureCatalogue.v2(), CustomerProfiles.of(world.profiles()));
  }

  private static Map<String, String> rowsById(String csv) {
    return Arrays.stream(csv.split("\n"))
        .skip(1)
        .collect(Collectors.toMap(line -> line.substring(line.lastIndexOf(',') + 1), line -> line));
  }

  /** The features and timestamp of a CSV row: everything but the label. */
  private static String withoutLabel(String line) {
    String[] cells = line.split(",", -1);
    int label = FeatureCatalogue.v2().size();
    return String.join(",", Arrays.asList(cells).subList(0, label)) + "," + cells[label + 1];
  }

  @Test
  void futurePaymentsAndLabelsLeaveEveryEarlierRowByteIdentical() {
    Instant cutOff = history.get(history.size() / 2).at();
    StringWriter early = new StringWriter();
    StringWriter full = new StringWriter();
    int earlyRows = export.export(history.stream().filter(e -> e.at().isBefore(cutOff)), early);
    export.export(history.stream(), full);

    Map<String, String> before = rowsById(early.toString());
    Map<String, String> after = rowsById(full.toString());
    assertThat(before).hasSize(earlyRows).hasSizeGreaterThan(300);
    assertThat(full.toString().lines().findFirst().orElseThrow())
        .isEqualTo(early.toString().lines().findFirst().orElseThrow());
    for (Map.Entry<String, String> row : before.entrySet()) {
      assertThat(after).containsKey(row.getKey());
      assertThat(withoutLabel(after.get(row.getKey())))
          .as(row.getKey())
          .isEqualTo(withoutLabel(row.getValue()));
    }
    assertThat(after.size())
        .as("later labels add rows for earlier payments too")
        .isGreaterThan(before.size());
  }

  @Test
  void withProfilesAsOfFuturePaymentsAndLabelsStillLeaveEveryEarlierRowByteIdentical() {
    // Every customer declares the home the world gave them, from the first event on.
    Instant start = history.getFirst().at();
    DeclaredHomes homes =
        DeclaredHomes.of(
            world.customers().stream()
                .map(
                    c ->
                        new DeclaredHomes.Home(
                            c.customerId(), start, c.homeLatitude(), c.homeLongitude()))
                .toList());
    PointInTimeExport asOf =
        PointInTimeExport.withProfilesAsOf(FeatureCatalogue.v2(), homes, Map.of());
    Instant cutOff = history.get(history.size() / 2).at();
    StringWriter early = new StringWriter();
    StringWriter full = new StringWriter();
    asOf.export(history.stream().filter(e -> e.at().isBefore(cutOff)), early);
    asOf.export(history.stream(), full);

    Map<String, String> before = rowsById(early.toString());
    Map<String, String> after = rowsById(full.toString());
    assertThat(before).hasSizeGreaterThan(300);
    for (Map.Entry<String, String> row : before.entrySet()) {
      assertThat(withoutLabel(after.get(row.getKey())))
          .as(row.getKey())
          .isEqualTo(withoutLabel(row.getValue()));
    }
    // The profile features do move with the history: the test would be empty otherwise.
    List<PointInTimeExport.Row> rows = asOf.rows(history.stream());
    int ratio = FeatureCatalogue.v2().indexOf("amount_to_avg_ratio");
    int distance = FeatureCatalogue.v2().indexOf("distance_from_home_km");
    assertThat(rows.stream().mapToDouble(r -> r.features()[ratio]).distinct().count())
        .isGreaterThan(200);
    assertThat(rows.stream().mapToDouble(r -> r.features()[distance]).distinct().count())
        .isGreaterThan(200);
  }

  @Test
  void aProfileAsOfAPaymentHoldsOnlyEarlierPaymentsLabelsAndHomes() {
    Instant t0 = Instant.parse("2025-02-01T12:00:00Z");
    double[] paris = {48.8566, 2.3522};
    double[] london = {51.5074, -0.1278};
    double[] newYork = {40.7128, -74.0060};
    Transaction first = tx("p1", t0).customer("a").amount("10.00").at(paris[0], paris[1]).build();
    Transaction stolen =
        tx("p2", t0.plus(Duration.ofHours(1)))
            .customer("a")
            .amount("90.00")
            .at(paris[0], paris[1])
            .build();
    Transaction beforeChargeback =
        tx("p3", t0.plus(Duration.ofHours(2)))
            .customer("a")
            .amount("30.00")
            .at(london[0], london[1])
            .build();
    LabelEvent chargeback =
        new LabelEvent(
            "p2", "a", "M1", "grocery", true, "chargeback", t0.plus(Duration.ofHours(3)));
    Transaction afterMove =
        tx("p4", t0.plus(Duration.ofHours(4)))
            .customer("a")
            .amount("40.00")
            .at(newYork[0], newYork[1])
            .build();
    DeclaredHomes homes =
        DeclaredHomes.of(
            List.of(
                new DeclaredHomes.Home("a", t0, paris[0], paris[1]),
                new DeclaredHomes.Home("a", afterMove.timestamp(), newYork[0], newYork[1])));
    PointInTimeExport asOf =
        PointInTimeExport.withProfilesAsOf(FeatureCatalogue.v2(), homes, Map.of());

    List<PointInTimeExport.Row> rows =
        asOf.rows(
            List.<HistoryEvent>of(
                new HistoryEvent.Payment(first),
                new HistoryEvent.Payment(stolen),
                new HistoryEvent.Payment(beforeChargeback),
                chargeback,
                new HistoryEvent.Payment(afterMove))
                .stream(),
            t0.plus(Duration.ofDays(1)));

    int ratio = FeatureCatalogue.v2().indexOf("amount_to_avg_ratio");
    int distance = FeatureCatalogue.v2().indexOf("distance_from_home_km");
    assertThat(rows)
        .extracting(PointInTimeExport.Row::transactionId)
        .containsExactly("p1", "p2", "p3", "p4");
    assertThat(rows.get(0).features()[ratio])
        .as("no earlier payment: no profile yet")
        .isEqualTo(1.0);
    assertThat(rows.get(0).features()[distance]).isEqualTo(0.0);
    assertThat(rows.get(1).features()[ratio]).as("usual amount 10").isEqualTo(9.0);
    assertThat(rows.get(2).features()[ratio])
        .as("median of 10 and 90: the fraud is not known yet")
        .isEqualTo(30.0 / 50.0);
    assertThat(rows.get(2).features()[distance])
        .as("from the Paris home, not the later New York one")
        .isEqualTo(Geo.kilometres(paris[0], paris[1], london[0], london[1]));
    assertThat(rows.get(3).features()[ratio])
        .as("median of 10 and 30 once the chargeback is known")
        .isEqualTo(40.0 / 20.0);
    assertThat(rows.get(3).features()[distance])
        .as("the home declared on this very payment")
        .isEqualTo(0.0);
    assertThat(rows)
        .extracting(PointInTimeExport.Row::fraud)
        .containsExactly(false, true, false, false);
  }

  @Test
  void aLabelKnownAfterAPaymentDoesNotReachItsFraudRate() {
    Instant t0 = Instant.parse("2025-02-01T12:00:00Z");
    Transaction first =
        tx("first", t0).customer("a").merchant("M-leak").category("jewelry").build();
    Transaction second =
        tx("second", t0.plus(Duration.ofHours(1)))
            .customer("b")
            .merchant("M-leak")
            .category("jewelry")
            .build();
    LabelEvent firstIsFraud =
        new LabelEvent(
            "first", "a", "M-leak", "jewelry", true, "analyst", t0.plus(Duration.ofMinutes(10)));
    LabelEvent secondIsFraud =
        new LabelEvent(
            "second", "b", "M-leak", "jewelry", true, "chargeback", t0.plus(Duration.ofDays(20)));

    List<PointInTimeExport.Row> rows =
        export.rows(
            List.<HistoryEvent>of(
                new HistoryEvent.Payment(first),
                firstIsFraud,
                new HistoryEvent.Payment(second),
                secondIsFraud)
                .stream());

    int merchantRate = FeatureCatalogue.v2().indexOf("merchant_fraud_rate_90d");
    int categoryRate = FeatureCatalogue.v2().indexOf("category_fraud_rate_90d");
    assertThat(rows)
        .extracting(PointInTimeExport.Row::transactionId)
        .containsExactly("first", "second");
    assertThat(rows.get(0).features()[merchantRate]).as("its own label came later").isEqualTo(0.1);
    assertThat(rows.get(0).features()[categoryRate]).isEqualTo(0.1);
    assertThat(rows.get(1).features()[merchantRate])
        .as("sees the first label, not its own")
        .isEqualTo((1 + 1.0) / (1 + 10));
    assertThat(rows).allMatch(PointInTimeExport.Row::fraud);
  }

  @Test
  void unlabelledPaymentsCountAsLegitimateOnlyOnceTheirMaturityWindowHasPassed() {
    Instant t0 = Instant.parse("2025-02-01T12:00:00Z");
    Transaction old = tx("old", t0).customer("a").merchant("M1").category("grocery").build();
    Transaction flagged =
        tx("flagged", t0.plus(Duration.ofHours(1)))
            .customer("a")
            .merchant("M1")
            .category("grocery")
            .build();
    Transaction recent =
        tx("recent", t0.plus(Duration.ofDays(10)))
            .customer("a")
            .merchant("M1")
            .category("grocery")
            .build();
    LabelEvent chargeback =
        new LabelEvent(
            "flagged", "a", "M1", "grocery", true, "chargeback", t0.plus(Duration.ofDays(12)));
    List<HistoryEvent> events =
        List.of(
            new HistoryEvent.Payment(old),
            new HistoryEvent.Payment(flagged),
            new HistoryEvent.Payment(recent),
            chargeback);

    List<PointInTimeExport.Row> rows = export.rows(events.stream(), t0.plus(Duration.ofDays(5)));

    assertThat(rows)
        .extracting(PointInTimeExport.Row::transactionId, PointInTimeExport.Row::fraud)
        .containsExactly(tuple("old", false), tuple("flagged", true));
    assertThat(export.rows(events.stream()))
        .extracting(PointInTimeExport.Row::transactionId)
        .containsExactly("flagged");
  }

  @Test
  void rowsAreExactlyWhatServingComputedAtEachPayment() {
    FeatureService serving =
        new FeatureService(
            new InMemoryOnlineFeatureStore(),
            CustomerProfiles.of(world.profiles()),
            FeatureCatalogue.v2());
    Map<String, double[]> served = new HashMap<>();
    InMemoryOnlineFeatureStore store = new InMemoryOnlineFeatureStore();
    FeatureService live =
        new FeatureService(store, CustomerProfiles.of(world.profiles()), FeatureCatalogue.v2());
    for (HistoryEvent event : history) {
      switch (event) {
        case HistoryEvent.Payment p ->
            served.put(
                p.transaction().transactionId(),
                live.featuresFor(p.transaction()).vector().values());
        case LabelEvent l -> store.recordLabel(l);
      }
    }
    assertThat(serving.catalogue()).isEqualTo(FeatureCatalogue.v2());

    List<PointInTimeExport.Row> rows = export.rows(history.stream());
    Set<String> labelled = new HashSet<>();
    history.stream()
        .filter(e -> e instanceof LabelEvent)
        .forEach(e -> labelled.add(((LabelEvent) e).transactionId()));

    assertThat(rows)
        .hasSize(
            (int)
                history.stream()
                    .filter(
                        e ->
                            e instanceof HistoryEvent.Payment p
                                && labelled.contains(p.transaction().transactionId()))
                    .count());
    for (PointInTimeExport.Row row : rows) {
      assertThat(row.features()).as(row.transactionId()).isEqualTo(served.get(row.transactionId()));
    }
  }

  @Test
  void writesAHeaderOfFeatureNamesThenLabelTimestampAndTransactionId() {
    StringWriter out = new StringWriter();
    int written = export.export(history.stream().limit(3_000), out);

    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(written + 1);
    assertThat(lines[0])
        .isEqualTo(
            String.join(",", FeatureCatalogue.v2().names()) + ",label,timestamp,transactionId");
    assertThat(lines[1].split(",")).hasSize(FeatureCatalogue.v2().size() + 3);
  }

  @Test
  void aFailingWriterStopsTheStreamedExportWithItsError() {
    Writer full =
        new Writer() {
          private int written;

          @Override
          public void write(char[] text, int offset, int length) throws IOException {
            written += length;
            if (written > 100_000) {
              throw new IOException("No space left on device");
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };

    assertThatThrownBy(
            () -> export.export(HistorySource.of(history), null, full, line -> {}, 1_000))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("No space left on device");
  }

  @Test
  void refusesAHistoryOutOfOrder() {
    List<HistoryEvent> swapped = new ArrayList<>(history.subList(0, 50));
    HistoryEvent first = swapped.removeFirst();
    swapped.add(10, first);
    swapped.add(11, swapped.get(12));

    assertThatThrownBy(() -> export.rows(swapped.stream())).hasMessageContaining("at() order");
  }

  @Test
  void labelFeaturesAndDevicesMakeFraudLearnable() {
    TrainingSet set =
        new TrainingSetBuilder(FeatureCatalogue.v2(), CustomerProfiles.of(world.profiles()))
            .buildFromHistory(history.stream());
    List<PointInTimeExport.Row> rows = export.rows(history.stream());
    assertThat(set.size()).isEqualTo(rows.size());
    assertThat(set.positives()).isGreaterThan(100);

    assertThat(mean(rows, "device_other_customers_24h", true))
        .isGreaterThan(mean(rows, "device_other_customers_24h", false) + 0.2);
    assertThat(mean(rows, "first_time_device", true))
        .isGreaterThan(mean(rows, "first_time_device", false));
    assertThat(mean(rows, "merchant_fraud_rate_90d", true))
        .isGreaterThan(mean(rows, "merchant_fraud_rate_90d", false));
    assertThat(mean(rows, "amount_zscore_30d", true))
        .isGreaterThan(mean(rows, "amount_zscore_30d", false) + 1);
  }

  private static double mean(List<PointInTimeExport.Row> rows, String feature, boolean fraud) {
    int column = FeatureCatalogue.v2().indexOf(feature);
    return rows.stream()
        .filter(r -> r.fraud() == fraud)
        .mapToDouble(r -> r.features()[column])
        .average()
        .orElseThrow();
  }
}
