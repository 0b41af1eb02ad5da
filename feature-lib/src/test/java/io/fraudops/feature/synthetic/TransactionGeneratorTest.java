package io.fraudops.feature.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.feature.transaction.CardNumber;
import io.fraudops.feature.transaction.InvalidTransactionException;
import io.fraudops.feature.transaction.TransactionParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransactionGeneratorTest {

  private static final int ROWS = 20_000;
  private static SyntheticWorld world;
  private static List<LabelledTransaction> stream;

  @BeforeAll
  static void generate() {
    world = SyntheticWorld.create(42, 1_000, 200);
    stream =
        new TransactionGenerator(world, GeneratorSettings.defaults(42))
            .stream().limit(ROWS).toList();
  }

  private static List<String> render(SyntheticWorld w, GeneratorSettings settings, int rows) {
    return new TransactionGenerator(w, settings)
        .stream()
            .limit(rows)
            .map(row -> row.payload() + "|" + row.fraud() + "|" + row.pattern())
            .toList();
  }

  @Test
  void theSameSeedGivesTheSameStreamByteForByte() {
    List<String> again =
        render(SyntheticWorld.create(42, 1_000, 200), GeneratorSettings.defaults(42), ROWS);

    assertThat(again)
        .isEqualTo(
            stream.stream()
                .map(row -> row.payload() + "|" + row.fraud() + "|" + row.pattern())
                .toList());
  }

  @Test
  void anotherSeedGivesAnotherStream() {
    List<String> base = render(world, GeneratorSettings.defaults(42), 100);

    assertThat(render(world, GeneratorSettings.defaults(43), 100)).isNotEqualTo(base);
    assertThat(render(SyntheticWorld.create(43, 1_000, 200), GeneratorSettings.defaults(42), 100))
        .isNotEqualTo(base);
  }

  @Test
  void timestampsStartAtTheConfiguredInstantAndNeverGoBack() {
    Instant previous = GeneratorSettings.DEFAULT_START;
    assertThat(Instant.parse((String) stream.getFirst().payload().get("timestamp")))
        .isEqualTo(previous);
    int checked = 0;
    for (LabelledTransaction row : stream) {
      Instant at = timestampOf(row);
      if (at != null) {
        assertThat(at).isAfterOrEqualTo(previous);
        previous = at;
        checked++;
      }
    }
    assertThat(checked)
        .as("only deliberately broken timestamps are skipped")
        .isGreaterThan(ROWS - 100);
  }

  @Test
  void everyPatternOccursAtRoughlyTheConfiguredRates() {
    Map<FraudPattern, Integer> counts = new EnumMap<>(FraudPattern.class);
    stream.forEach(row -> counts.merge(row.pattern(), 1, Integer::sum));
    long fraud = stream.stream().filter(LabelledTransaction::fraud).count();

    assertThat(counts.keySet()).containsExactlyInAnyOrder(FraudPattern.values());
    for (FraudPattern pattern : FraudPattern.values()) {
      assertThat(counts.get(pattern)).as(pattern.name()).isGreaterThanOrEqualTo(20);
    }
    assertThat(fraud / (double) ROWS).isCloseTo(0.02, within(0.005));
    assertThat(counts.get(FraudPattern.INVALID) / (double) ROWS).isCloseTo(0.005, within(0.002));
  }

  @Test
  void labelsFollowPatternsAndPayloadsParseExactlyWhenValid() {
    Instant at = GeneratorSettings.DEFAULT_START;
    for (LabelledTransaction row : stream) {
      assertThat(row.fraud()).isEqualTo(row.pattern().isFraud());
      at = timestampOf(row) != null ? timestampOf(row) : at;
      TransactionParser parser =
          new TransactionParser(
              Clock.fixed(at, ZoneOffset.UTC),
              TransactionParser.DEFAULT_EARLIEST_TIMESTAMP,
              TransactionGenerator.SYNTHETIC_CARDS);
      if (row.valid()) {
        assertThat(parser.tokenizeAndParse(row.payload())).isEqualTo(row.transaction());
      } else {
        assertThatThrownBy(() -> parser.tokenizeAndParse(row.payload()))
            .isInstanceOf(InvalidTransactionException.class);
      }
    }
  }

  @Test
  void patternsLookLikeWhatTheyClaim() {
    List<LabelledTransaction> testing = of(FraudPattern.CARD_TESTING);
    assertThat(testing)
        .allSatisfy(
            row -> {
              assertThat(row.transaction().channel()).isEqualTo("ECOM");
              assertThat(row.transaction().amount().doubleValue()).isLessThanOrEqualTo(15);
            });
    long atNight =
        of(FraudPattern.ACCOUNT_TAKEOVER).stream()
            .filter(
                row -> {
                  SyntheticCustomer c = customer(row.transaction().customerId());
                  return row.transaction().timestamp().atZone(c.timeZone()).getHour() <= 5;
                })
            .count();
    assertThat(atNight).isGreaterThan(of(FraudPattern.ACCOUNT_TAKEOVER).size() / 2);
    assertThat(of(FraudPattern.IMPOSSIBLE_TRAVEL))
        .allSatisfy(
            row -> {
              assertThat(row.transaction().hasLocation()).isTrue();
              assertThat(row.transaction().channel()).isNotEqualTo("ECOM");
            });
    assertThat(of(FraudPattern.UNUSUAL_CATEGORY))
        .allSatisfy(
            row ->
                assertThat(
                        customer(row.transaction().customerId()).usualCategories().stream()
                            .map(MerchantCategory::code))
                    .doesNotContain(row.transaction().merchantCategory()));
  }

  @Test
  void theWorldIsPlausibleAndKeepsCardsOutOfItsStrings() {
    assertThat(world.customers()).hasSize(1_000);
    assertThat(world.merchants()).hasSize(200);
    assertThat(world.profiles()).hasSize(1_000);
    assertThat(world.customers())
        .allSatisfy(
            c -> {
              assertThat(CardNumber.passesLuhn(c.cardNumber())).isTrue();
              assertThat(c.toString()).doesNotContain(c.cardNumber());
              assertThat(c.favouriteMerchants()).isNotEmpty();
            });
    assertThat(stream.getFirst().toString())
        .doesNotContain(stream.getFirst().payload().get("cardNumber").toString());
    assertThat(world.customers().stream().map(SyntheticCustomer::cardNumber).distinct())
        .hasSize(1_000);
  }

  /** Null for a payload whose timestamp was broken on purpose. */
  private static Instant timestampOf(LabelledTransaction row) {
    try {
      return Instant.parse(String.valueOf(row.payload().get("timestamp")));
    } catch (DateTimeParseException e) {
      assertThat(row.pattern()).isEqualTo(FraudPattern.INVALID);
      return null;
    }
  }

  private static List<LabelledTransaction> of(FraudPattern pattern) {
    return stream.stream().filter(row -> row.pattern() == pattern).toList();
  }

  private static SyntheticCustomer customer(String id) {
    return world.customers().stream()
        .filter(c -> c.customerId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void customersPayFromOneOrTwoOwnDevicesAndFraudstersFromTheirs() {
    Map<String, java.util.Set<String>> devicesByCustomer = new java.util.HashMap<>();
    int withoutDevice = 0;
    for (LabelledTransaction row : stream) {
      if (!row.valid()) {
        continue;
      }
      String device = row.transaction().deviceId();
      if (device == null) {
        withoutDevice++;
        assertThat(row.transaction().channel()).isNotEqualTo("ECOM");
        continue;
      }
      if (row.pattern() == FraudPattern.CARD_TESTING
          || row.pattern() == FraudPattern.ACCOUNT_TAKEOVER) {
        assertThat(device).matches("D-(ring|new)-\\d+");
      } else {
        assertThat(device).startsWith("D-" + row.transaction().customerId() + "-");
        devicesByCustomer
            .computeIfAbsent(row.transaction().customerId(), c -> new java.util.HashSet<>())
            .add(device);
      }
    }
    assertThat(withoutDevice).isPositive();
    assertThat(devicesByCustomer.values()).allSatisfy(d -> assertThat(d).hasSizeBetween(1, 2));
    assertThat(devicesByCustomer.values()).anySatisfy(d -> assertThat(d).hasSize(2));
  }

  @Test
  void historyInterleavesLabelsInTimeOrder() {
    // A finite source: once it ends, the labels still pending (chargebacks weeks later) follow.
    List<io.fraudops.feature.history.HistoryEvent> history =
        LabelledHistory.of(stream.stream(), 42).toList();
    Map<String, LabelledTransaction> payments = new java.util.HashMap<>();
    stream.stream()
        .filter(LabelledTransaction::valid)
        .forEach(r -> payments.put(r.transaction().transactionId(), r));
    Map<String, Integer> sources = new java.util.TreeMap<>();

    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i).at()).isAfterOrEqualTo(history.get(i - 1).at());
    }
    for (var event : history) {
      if (event instanceof io.fraudops.feature.history.LabelEvent label) {
        sources.merge(label.source(), 1, Integer::sum);
        LabelledTransaction paid = payments.get(label.transactionId());
        assertThat(label.fraud()).isEqualTo(paid.fraud());
        java.time.Duration delay =
            java.time.Duration.between(paid.transaction().timestamp(), label.knownAt());
        if (label.source().equals("chargeback")) {
          assertThat(label.fraud()).isTrue();
          assertThat(delay).isBetween(java.time.Duration.ofDays(3), java.time.Duration.ofDays(46));
        } else {
          assertThat(delay)
              .isBetween(java.time.Duration.ofMinutes(2), java.time.Duration.ofMinutes(31));
        }
      }
    }
    assertThat(sources).containsOnlyKeys("analyst", "chargeback");
    assertThat(sources.get("analyst")).isGreaterThan(ROWS / 50);
    assertThat(sources.get("chargeback"))
        .as("every fraud")
        .isEqualTo((int) stream.stream().filter(LabelledTransaction::fraud).count());
    assertThat(
            history.stream()
                .filter(e -> e instanceof io.fraudops.feature.history.HistoryEvent.Payment))
        .first()
        .isEqualTo(
            new io.fraudops.feature.history.HistoryEvent.Payment(
                stream.stream()
                    .filter(LabelledTransaction::valid)
                    .findFirst()
                    .orElseThrow()
                    .transaction()));
  }
}
