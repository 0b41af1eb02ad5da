package io.fraudops.feature.chargeback;

import static io.fraudops.feature.testsupport.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.feature.FeatureService;
import io.fraudops.feature.catalogue.FeatureCatalogue;
import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.offline.CustomerProfiles;
import io.fraudops.feature.offline.FeatureStoreSchema;
import io.fraudops.feature.offline.PostgresHistory;
import io.fraudops.feature.offline.PostgresLabelStore;
import io.fraudops.feature.offline.PostgresTransactionLedger;
import io.fraudops.feature.online.OnlineStoreSettings;
import io.fraudops.feature.online.RedisOnlineFeatureStore;
import io.fraudops.feature.testsupport.EmbeddedPostgresDb;
import io.fraudops.feature.testsupport.EmbeddedRedis;
import io.fraudops.feature.training.OfflineTrainingExport;
import io.fraudops.feature.training.PointInTimeExport;
import io.fraudops.feature.transaction.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chargebacks against real PostgreSQL and Redis: the label reaches the training export and the
 * fraud rates.
 */
class ChargebacksTest {

  private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
  private static final Instant PAID = Instant.parse("2026-03-01T10:00:00Z");
  private static EmbeddedPostgresDb postgres;
  private static EmbeddedRedis redis;
  private static DataSource db;

  @BeforeAll
  static void start() {
    postgres = EmbeddedPostgresDb.start();
    db = postgres.dataSource();
    FeatureStoreSchema.migrate(db);
    redis = EmbeddedRedis.start();
  }

  @AfterAll
  static void stop() {
    redis.close();
    postgres.close();
  }

  @Test
  void theLabelReachesTheNextTrainingExportAndLaterPaymentsFraudRates() {
    String merchant = "M-" + UUID.randomUUID();
    String category = "cat-" + UUID.randomUUID();
    RedisOnlineFeatureStore online =
        new RedisOnlineFeatureStore(
            redis.client(),
            OnlineStoreSettings.defaults().withKeyPrefix("cb" + UUID.randomUUID() + ":"));
    FeatureService features =
        new FeatureService(online, CustomerProfiles.of(List.of()), FeatureCatalogue.current());
    Transaction disputed =
        tx("T-" + UUID.randomUUID(), PAID).merchant(merchant).category(category).build();
    new PostgresTransactionLedger(db).recordAll(List.of(disputed));
    features.featuresFor(disputed);
    Transaction later =
        tx("T-" + UUID.randomUUID(), NOW.plusSeconds(60))
            .customer("C2")
            .merchant(merchant)
            .category(category)
            .build();
    double before = rate(features, later, "merchant_fraud_rate_90d");

    Chargebacks.Recorded recorded =
        chargebacks(online)
            .record(
                Chargeback.of(
                    disputed.transactionId(), "4837 no cardholder authorization", "2026-03-18"));

    assertThat(recorded.created()).isTrue();
    assertThat(recorded.online()).isTrue();
    assertThat(recorded.knownAt())
        .as("the end of the reported day")
        .isEqualTo(Instant.parse("2026-03-19T00:00:00Z"));
    // One fraud label among none before, smoothed towards the prior 0.1 with weight 10: (1 + 1) /
    // (1 + 10).
    assertThat(before).isCloseTo(0.1, within(1e-9));
    assertThat(rate(features, later, "merchant_fraud_rate_90d")).isCloseTo(2.0 / 11, within(1e-9));
    assertThat(rate(features, later, "category_fraud_rate_90d")).isCloseTo(2.0 / 11, within(1e-9));

    Map<String, Boolean> labels =
        new PointInTimeExport(FeatureCatalogue.current(), CustomerProfiles.of(List.of()))
            .rows(new PostgresHistory(db).stream()).stream()
                .collect(
                    Collectors.toMap(
                        PointInTimeExport.Row::transactionId, PointInTimeExport.Row::fraud));
    assertThat(labels).containsEntry(disputed.transactionId(), true);
  }

  @Test
  void inTheStreamedExportAChargebackOverridesAnEarlierAnalystVerdict(@TempDir Path dir)
      throws IOException {
    Transaction disputed = tx("T-" + UUID.randomUUID(), PAID).build();
    new PostgresTransactionLedger(db).recordAll(List.of(disputed));
    new PostgresLabelStore(db)
        .record(
            new LabelEvent(
                disputed.transactionId(),
                disputed.customerId(),
                disputed.merchantId(),
                disputed.merchantCategory(),
                false,
                "analyst",
                PAID.plusSeconds(3_600)));
    chargebacks(null)
        .record(
            Chargeback.of(
                disputed.transactionId(), "4837 no cardholder authorization", "2026-03-18"));
    Path file = dir.resolve("training.csv");

    // The export ./fraud export-training-set writes: labels read first, rows streamed, profiles as
    // of each payment.
    new OfflineTrainingExport(db, FeatureCatalogue.current(), line -> {})
        .run(file, null, null, null, 1_000);

    List<String> rows = Files.readAllLines(file);
    assertThat(rows.getFirst()).endsWith(",label,timestamp,transactionId");
    assertThat(rows)
        .filteredOn(row -> row.endsWith("," + disputed.transactionId()))
        .singleElement()
        .asString()
        .endsWith(",1," + PAID.toEpochMilli() + "," + disputed.transactionId());
  }

  @Test
  void aSecondReportChangesNothingAndAnswersAsTheFirst() {
    Transaction disputed = tx("T-" + UUID.randomUUID(), PAID).build();
    new PostgresTransactionLedger(db).recordAll(List.of(disputed));
    Chargebacks chargebacks = chargebacks(null);

    Chargebacks.Recorded first =
        chargebacks.record(Chargeback.of(disputed.transactionId(), "fraud", "2026-03-10"));
    Chargebacks.Recorded again =
        chargebacks.record(Chargeback.of(disputed.transactionId(), "other", "2026-03-12"));

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.reason()).isEqualTo("fraud");
    assertThat(again.date()).isEqualTo(LocalDate.parse("2026-03-10"));
    assertThat(again.knownAt()).isEqualTo(first.knownAt());
  }

  @Test
  void aChargebackReportedTodayIsKnownNowNotTomorrow() {
    Chargeback today =
        Chargeback.of("T1", "fraud", NOW.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    assertThat(today.knownAt(NOW)).isEqualTo(NOW);
  }

  @Test
  void refusesAnUnknownPaymentNamingItsId() {
    assertThatThrownBy(
            () -> chargebacks(null).record(Chargeback.of("T-nobody", "fraud", "2026-03-10")))
        .isInstanceOf(UnknownTransactionException.class)
        .hasMessageContaining("'T-nobody'");
  }

  @Test
  void refusesDatesThatCannotBe() {
    Transaction disputed = tx("T-" + UUID.randomUUID(), PAID).build();
    new PostgresTransactionLedger(db).recordAll(List.of(disputed));
    assertThatThrownBy(
            () ->
                chargebacks(null)
                    .record(Chargeback.of(disputed.transactionId(), "fraud", "2026-02-27")))
        .hasMessageContaining("before the payment");
    assertThatThrownBy(
            () ->
                chargebacks(null)
                    .record(Chargeback.of(disputed.transactionId(), "fraud", "2026-03-21")))
        .hasMessageContaining("in the future");
    assertThatThrownBy(() -> Chargeback.of("T1", "fraud", "20/03/2026"))
        .hasMessageContaining("YYYY-MM-DD");
    assertThatThrownBy(() -> Chargeback.of("T1", " ", "2026-03-10"))
        .hasMessage("reason is required");
    assertThatThrownBy(() -> Chargeback.of("T1", "a\nb", "2026-03-10"))
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> Chargeback.of("T1", "fraud", null))
        .hasMessageContaining("date is required");
  }

  private static Chargebacks chargebacks(RedisOnlineFeatureStore online) {
    return new Chargebacks(db, online, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static double rate(FeatureService features, Transaction tx, String feature) {
    // A fresh id each time: recording the same payment again would read the history as it first
    // was.
    Transaction probe =
        new Transaction(
            "P-" + UUID.randomUUID(),
            tx.customerId(),
            tx.card(),
            tx.amount(),
            tx.currency(),
            tx.merchantId(),
            tx.merchantCategory(),
            tx.country(),
            tx.latitude(),
            tx.longitude(),
            tx.channel(),
            tx.timestamp(),
            tx.deviceId());
    return features.featuresFor(probe).vector().get(feature);
  }
}
