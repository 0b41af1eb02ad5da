package io.fraudops.feature.transaction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TransactionParserTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String CARD = "4111111111111111";
    private static final Object ABSENT = new Object();

    private final TransactionParser parser = new TransactionParser(Clock.fixed(NOW, ZoneOffset.UTC));

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
        Transaction tx = parser.parse(validPayload());

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
        return Stream.of(25, 25L, 25.0, 25.0f, "25", " 25.00 ", new BigDecimal("25.000"), new java.math.BigInteger("25"));
    }

    @ParameterizedTest
    @MethodSource("amountShapes")
    void acceptsNumbersInEveryShapeAJsonMapperProduces(Object amount) {
        Map<String, Object> payload = validPayload();
        payload.put("amount", amount);

        assertThat(parser.parse(payload).amount()).isEqualTo(new BigDecimal("25.00"));
    }

    @Test
    void optionalFieldsMayBeAbsentAndTimestampsMayCarryAnOffset() {
        Map<String, Object> payload = validPayload();
        payload.remove("cardNumber");
        payload.remove("latitude");
        payload.remove("longitude");
        payload.put("channel", "ECOM");
        payload.put("timestamp", "2025-03-01T13:00:00+02:00");

        Transaction tx = parser.parse(payload);

        assertThat(tx.card()).isNull();
        assertThat(tx.hasLocation()).isFalse();
        assertThat(tx.timestamp()).isEqualTo(Instant.parse("2025-03-01T11:00:00Z"));
    }

    static Stream<Arguments> brokenPayloads() {
        return Stream.of(
                Arguments.of("transactionId", ABSENT, "transactionId is required"),
                Arguments.of("transactionId", "x".repeat(65), "transactionId must be at most 64 characters (got 65)"),
                Arguments.of("customerId", " ", "customerId is required"),
                Arguments.of("customerId", 42, "customerId must be text (got '42')"),
                Arguments.of("merchantId", ABSENT, "merchantId is required"),
                Arguments.of("merchantCategory", "", "merchantCategory is required"),
                Arguments.of("amount", -5, "amount must be greater than 0 (got -5)"),
                Arguments.of("amount", 0, "amount must be greater than 0 (got 0)"),
                Arguments.of("amount", "1000000.01", "amount must be at most 1000000 (got 1000000.01)"),
                Arguments.of("amount", 12.345, "amount must have at most 2 decimal places (got 12.345)"),
                Arguments.of("amount", "abc", "amount must be a number (got 'abc')"),
                Arguments.of("amount", Double.NaN, "amount must be a number (got 'NaN')"),
                Arguments.of("amount", ABSENT, "amount is required"),
                Arguments.of("currency", "US", "currency must be a 3-letter ISO 4217 code (got 'US')"),
                Arguments.of("currency", "usd", "currency must be a 3-letter ISO 4217 code (got 'usd')"),
                Arguments.of("country", "USA", "country must be a 2-letter ISO 3166 code (got 'USA')"),
                Arguments.of("country", ABSENT, "country is required"),
                Arguments.of("latitude", 91, "latitude must be between -90 and 90 (got 91.0)"),
                Arguments.of("longitude", "-180.5", "longitude must be between -180 and 180 (got -180.5)"),
                Arguments.of("longitude", ABSENT, "latitude and longitude must both be present or both absent"),
                Arguments.of("channel", "WEB", "channel must be one of POS, ECOM, ATM (got 'WEB')"),
                Arguments.of("channel", ABSENT, "channel is required"),
                Arguments.of("timestamp", ABSENT, "timestamp is required"),
                Arguments.of("timestamp", "2025-03-01 11:59", "timestamp must be an ISO-8601 instant such as "
                        + "2025-01-31T12:00:00Z (got '2025-03-01 11:59')"),
                Arguments.of("timestamp", 1740830340000L, "timestamp must be an ISO-8601 instant such as "
                        + "2025-01-31T12:00:00Z (got '<digits removed>')"),
                Arguments.of("cardNumber", "4111111111111112", "cardNumber fails the Luhn check"),
                Arguments.of("cardNumber", "411111******1111", "cardFingerprint must be 64 lower-case hex characters"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("brokenPayloads")
    void eachRuleRejectsWithItsOwnMessage(String key, Object value, String message) {
        Map<String, Object> payload = validPayload();
        if (value == ABSENT) {
            payload.remove(key);
        } else {
            payload.put(key, value);
        }

        InvalidTransactionException e = catchThrowableOfType(InvalidTransactionException.class,
                () -> parser.parse(payload));

        assertThat(e.problems()).containsExactly(message);
        assertThat(e).hasMessage(message);
    }

    @Test
    void acceptsAClockFiveMinutesAheadButNoMore() {
        Map<String, Object> payload = validPayload();
        payload.put("timestamp", "2025-03-01T12:05:00Z");
        assertThat(parser.parse(payload).timestamp()).isEqualTo(Instant.parse("2025-03-01T12:05:00Z"));

        payload.put("timestamp", "2025-03-01T12:05:00.001Z");
        assertThatThrownBy(() -> parser.parse(payload))
                .hasMessage("timestamp must not be more than 5 minutes in the future "
                        + "(got 2025-03-01T12:05:00.001Z, now 2025-03-01T12:00:00Z)");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, Object> payload = validPayload();
        payload.put("amount", -5);
        payload.put("currency", "US");
        payload.remove("merchantId");
        payload.put("cardNumber", "4111111111111112");

        InvalidTransactionException e = catchThrowableOfType(InvalidTransactionException.class,
                () -> parser.parse(payload));

        assertThat(e.problems()).containsExactly(
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

        InvalidTransactionException e = catchThrowableOfType(InvalidTransactionException.class,
                () -> parser.parse(payload));

        assertThat(e.problems()).hasSize(3);
        assertThat(e.toString()).doesNotContain("4111111111111111", "4111111111111112", "4111 1111");
        assertThat(e.getMessage()).contains("<digits removed>");
    }

    @Test
    void aParsedTransactionNeverShowsItsCard() {
        Transaction tx = parser.parse(validPayload());

        assertThat(tx.toString()).contains("411111******1111").doesNotContain(CARD);
        assertThat(tx.toMap().toString()).doesNotContain(CARD);
    }

    @Test
    void theNormalisedMapReadsBackToTheSameTransaction() {
        Transaction tx = parser.parse(validPayload());

        Map<String, Object> map = tx.toMap();

        assertThat(PayloadKeys.ALL).containsAll(map.keySet());
        assertThat(map).containsEntry("cardNumber", "411111******1111")
                .containsEntry("cardFingerprint", tx.card().fingerprint())
                .containsEntry("amount", new BigDecimal("25.50"))
                .containsEntry("timestamp", "2025-03-01T11:59:00Z");
        assertThat(parser.parse(map)).isEqualTo(tx);
    }

    @Test
    void aMissingPayloadIsReportedNotThrownAsNullPointer() {
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(InvalidTransactionException.class);
    }

    @Test
    void theRecordItselfRefusesInvalidValues() {
        assertThatThrownBy(() -> new Transaction("T", "C", null, new BigDecimal("-1"), "USD", "M", "grocery", "US",
                null, null, "POS", NOW))
                .isInstanceOf(InvalidTransactionException.class)
                .hasMessage("amount must be greater than 0 (got -1)");
    }

    @Test
    void anOptionalDeviceIdIsReadValidatedAndWrittenBack() {
        Map<String, Object> payload = validPayload();
        assertThat(parser.parse(payload).deviceId()).isNull();
        assertThat(parser.parse(payload).toMap()).doesNotContainKey("deviceId");

        payload.put("deviceId", "D-phone-1");
        Transaction tx = parser.parse(payload);

        assertThat(tx.deviceId()).isEqualTo("D-phone-1");
        assertThat(tx.toMap()).containsEntry("deviceId", "D-phone-1");
        assertThat(parser.parse(tx.toMap())).isEqualTo(tx);

        payload.put("deviceId", "x".repeat(65));
        assertThatThrownBy(() -> parser.parse(payload)).isInstanceOf(InvalidTransactionException.class)
                .hasMessage("deviceId must be at most 64 characters (got 65)");
        payload.put("deviceId", " ");
        assertThatThrownBy(() -> parser.parse(payload)).hasMessage("deviceId is required");
        payload.put("deviceId", 42);
        assertThatThrownBy(() -> parser.parse(payload)).hasMessageStartingWith("deviceId must be text");
    }
}
