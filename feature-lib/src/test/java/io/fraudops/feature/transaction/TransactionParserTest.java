package io.fraudops.feature.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fraudops.feature.testsupport.TestCards;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TransactionParserTest {

  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final String CARD = "4111111111111111";

  private final TransactionParser parser = TestCards.parser(Clock.fixed(NOW, ZoneOffset.UTC));

  /** What the intake does: tokenize the card, then validate. */
  private Transaction intake(Map<String, Object> payload) {
    return parser.parse(TestCards.TOKENIZER.tokenize(payload));
  }

  static Map<String, Object> validPayload() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("transactionId", "T-1");
    payload.put("customerId", "C-1");
    payload.put("cardNumber", CARD);
    payload.put("amount", 25.5);
    payload.put("currency", "USD");
    payload.put("merchantId", "M-1");
    payload.put("merchantCategory", "grocery");
    payload.put("country", "US");
    payload.put("latitude", 40.7128);
    payload.put("longitude", -74.006);
    payload.put("channel", "POS");
    payload.put("timestamp", "2025-03-01T11:59:00Z");
    return payload;
  }

  @Test
  void parsesAValidPayload() {
    Transaction tx = intake(validPayload());

    assertThat(tx.transactionId()).isEqualTo("T-1");
    assertThat(tx.customerId()).isEqualTo("C-1");
    assertThat(tx.card().masked()).isEqualTo("411111******1111");
    assertThat(tx.amount()).isEqualTo(new BigDecimal("25.50"));
    assertThat(tx.currency()).isEqualTo("USD");
    assertThat(tx.merchantId()).isEqualTo("M-1");
    assertThat(tx.merchantCategory()).isEqualTo("grocery");
    assertThat(tx.country()).isEqualTo("US");
    assertThat(tx.latitude()).isEqualTo(40.7128);
    assertThat(tx.longitude()).isEqualTo(-74.006);
    assertThat(tx.channel()).isEqualTo("POS");
    assertThat(tx.timestamp()).isEqualTo(Instant.parse("2025-03-01T11:59:00Z"));
  }

  static Stream<Object> amountShapes() {
    return Stream.of(
        25,
        25L,
        25.0,
        25.0f,
        "25",
        " 25.00 ",
        new BigDecimal("25.000"),
        new java.math.BigInteger("25"));
  }

  @ParameterizedTest
  @MethodSource("amountShapes")
  void acceptsNumbersInEveryShapeAJsonMapperProduces(Object amount) {
    Map<String, Object> payload = validPayload();
    payload.put("amount", amount);

    assertThat(intake(payload).amount()).isEqualTo(new BigDecimal("25.00"));
  }

  @Test
  void optionalFieldsMayBeAbsentAndTimestampsMayCarryAnOffset() {
    Map<String, Object> payload = validPayload();
    payload.remove("cardNumber");
    payload.remove("latitude");
    payload.remove("longitude");
    payload.put("channel", "ECOM");
    payload.put("timestamp", "2025-03-01T13:00:00+02:00");

    Transaction tx = intake(payload);

    assertThat(tx.card()).isNull();
    assertThat(tx.hasLocation()).isFalse();
    assertThat(tx.timestamp()).isEqualTo(Instant.parse("2025-03-01T11:00:00Z"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Map<String, Object> payload = validPayload();
    payload.put("amount", -5);
    payload.put("currency", "US");
    payload.remove("merchantId");
    payload.put("cardNumber", "4111111111111112");

    InvalidTransactionException e =
        catchThrowableOfType(InvalidTransactionException.class, () -> intake(payload));

    assertThat(e.problems())
        .containsExactly(
            "cardNumber fails the Luhn check",
            "amount must be greater than 0 (got -5)",
            "currency must be a 3-letter ISO 4217 code (got 'US')",
            "merchantId is required");
    assertThat(e.getMessage()).isEqualTo(String.join("; ", e.problems()));
  }

  @Test
  void neverEchoesACardNumberEvenInTheWrongField() {
    Map<String, Object> payload = validPayload();
    payload.put("cardNumber", "4111111111111112");
    payload.put("currency", "4111 1111 1111 1111");
    payload.put("amount", "4111111111111111");

    InvalidTransactionException e =
        catchThrowableOfType(InvalidTransactionException.class, () -> intake(payload));

    assertThat(e.problems()).hasSize(3);
    assertThat(e.toString()).doesNotContain("4111111111111111", "4111111111111112", "4111 1111");
    assertThat(e.getMessage()).contains("<digits removed>");
  }

  @Test
  void aParsedTransactionNeverShowsItsCard() {
    Transaction tx = intake(validPayload());

    assertThat(tx.toString()).contains("411111******1111").doesNotContain(CARD);
    assertThat(tx.toMap().toString()).doesNotContain(CARD);
  }

  @Test
  void theNormalisedMapKeepsTheTokenButCannotBeScreenedAsANewPayment() {
    Transaction tx = intake(validPayload());

    Map<String, Object> map = tx.toMap();

    assertThat(PayloadKeys.ALL).containsAll(map.keySet());
    assertThat(map)
        .containsEntry("cardNumber", "411111******1111")
        .containsEntry("cardFingerprint", tx.card().fingerprint())
        .containsEntry("amount", new BigDecimal("25.50"))
        .containsEntry("timestamp", "2025-03-01T11:59:00Z")
        .doesNotContainKey("cardTokenMac");
    assertThatThrownBy(() -> parser.parse(map)).hasMessageStartingWith("cardTokenMac is required");
    map.put("cardTokenMac", TestCards.TOKENIZER.tokenMac(tx.card(), "T-1"));
    assertThat(parser.parse(map)).isEqualTo(tx);
  }

  @Test
  void aTokenizedPaymentParsesToTheSameTransactionAgain() {
    Map<String, Object> tokenized = TestCards.TOKENIZER.tokenize(validPayload());

    assertThat(parser.parse(tokenized))
        .isEqualTo(parser.parse(TestCards.TOKENIZER.tokenize(tokenized)))
        .isEqualTo(parser.tokenizeAndParse(validPayload()));
  }

  @Test
  void theEarliestTimestampIsTheParsersToChoose() {
    TransactionParser since2020 =
        new TransactionParser(
            Clock.fixed(NOW, ZoneOffset.UTC),
            Instant.parse("2020-01-01T00:00:00Z"),
            TestCards.TOKENIZER);
    Map<String, Object> payload = TestCards.TOKENIZER.tokenize(validPayload());
    payload.put("timestamp", "2019-12-31T23:59:59Z");

    assertThat(parser.parse(payload).timestamp()).isEqualTo(Instant.parse("2019-12-31T23:59:59Z"));
    assertThatThrownBy(() -> since2020.parse(payload))
        .hasMessage("timestamp must not be before 2020-01-01T00:00:00Z (got 2019-12-31T23:59:59Z)");
    assertThatThrownBy(
            () ->
                since2020.parse(
                    TestCards.TOKENIZER.tokenize(validPayload()),
                    Instant.parse("2019-06-01T00:00:00Z").toEpochMilli()))
        .hasMessage(
            "receivedAt must not be before 2020-01-01T00:00:00Z (got 2019-06-01T00:00:00Z)");
  }

  @Test
  void aMissingPayloadIsReportedNotThrownAsNullPointer() {
    assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(InvalidTransactionException.class);
  }

  @Test
  void theRecordItselfRefusesInvalidValues() {
    assertThatThrownBy(
            () ->
                new Transaction(
                    "T",
                    "C",
                    null,
                    new BigDecimal("-1"),
                    "USD",
                    "M",
                    "grocery",
                    "US",
                    null,
                    null,
                    "POS",
                    NOW))
        .isInstanceOf(InvalidTransactionException.class)
        .hasMessage("amount must be greater than 0 (got -1)");
  }

  @Test
  void anOptionalDeviceIdIsReadValidatedAndWrittenBack() {
    Map<String, Object> payload = validPayload();
    assertThat(intake(payload).deviceId()).isNull();
    assertThat(intake(payload).toMap()).doesNotContainKey("deviceId");

    payload.put("deviceId", "D-phone-1");
    Transaction tx = intake(payload);

    assertThat(tx.deviceId()).isEqualTo("D-phone-1");
    assertThat(tx.toMap()).containsEntry("deviceId", "D-phone-1");
    assertThat(intake(payload)).isEqualTo(tx);

    payload.put("deviceId", "x".repeat(65));
    assertThatThrownBy(() -> intake(payload))
        .isInstanceOf(InvalidTransactionException.class)
        .hasMessage("deviceId must be at most 64 characters (got 65)");
    payload.put("deviceId", " ");
    assertThatThrownBy(() -> intake(payload)).hasMessage("deviceId is required");
    payload.put("deviceId", 42);
    assertThatThrownBy(() -> intake(payload)).hasMessageStartingWith("deviceId must be text");
  }
}
