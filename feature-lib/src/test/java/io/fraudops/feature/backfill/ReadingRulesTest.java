package io.fraudops.feature.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How files are read: each timestamp and mapping case with the instant it gives or the message it
 * earns.
 */
class ReadingRulesTest {

  private static final String KAGGLE_HEADER = String.join(",", HistoryFormat.KAGGLE_COLUMNS);

  static Stream<Arguments> timestamps() {
    return Stream.of(
        // format, zone, value, the instant, or the message
        arguments("iso", "", "2019-01-01T00:01:39Z", "2019-01-01T00:01:39Z"),
        arguments("iso", "", "2019-01-01T01:01:39+01:00", "2019-01-01T00:01:39Z"),
        arguments("iso", "", "2019-01-01T00:01:39", "2019-01-01T00:01:39Z"),
        arguments("iso", "America/New_York", "2019-01-01T00:01:39", "2019-01-01T05:01:39Z"),
        arguments(
            "iso",
            "",
            "2019-01-01 00:01:39",
            "timestamp '2019-01-01 00:01:39' is not ISO-8601 such as"
                + " 2025-01-31T12:00:00Z; for times like this one use --timestamp-format='yyyy-MM-dd HH:mm:ss'"
                + " (local time in --time-zone, UTC by default)"),
        arguments(
            "iso",
            "",
            "1546300899",
            "timestamp '1546300899' is not ISO-8601 such as"
                + " 2025-01-31T12:00:00Z; for numbers use --timestamp-format=epoch-seconds or epoch-millis"),
        arguments("epoch-seconds", "", "1546300899", "2019-01-01T00:01:39Z"),
        arguments("EPOCH-SECONDS", "", "1546300899.25", "2019-01-01T00:01:39.250Z"),
        arguments(
            "epoch-seconds",
            "",
            "1546300899000",
            "timestamp '1546300899000' has 13 digits: milliseconds"
                + " rather than seconds? Use --timestamp-format=epoch-millis"),
        arguments(
            "epoch-seconds",
            "",
            "2019-01-01",
            "timestamp '2019-01-01' is not a number of seconds since" + " 1970-01-01T00:00:00Z"),
        arguments("epoch-millis", "", "1546300899250", "2019-01-01T00:01:39.250Z"),
        arguments(
            "epoch-millis",
            "",
            "1546300899",
            "timestamp '1546300899' has 10 digits: seconds rather than"
                + " milliseconds? Use --timestamp-format=epoch-seconds"),
        arguments(
            "epoch-millis",
            "",
            "1546300899.5",
            "timestamp '1546300899.5' is not a number of"
                + " milliseconds (a whole number) since 1970-01-01T00:00:00Z"),
        arguments("yyyy-MM-dd HH:mm:ss", "", "2019-01-01 00:01:39", "2019-01-01T00:01:39Z"),
        arguments(
            "yyyy-MM-dd HH:mm:ss",
            "America/New_York",
            "2019-01-01 00:01:39",
            "2019-01-01T05:01:39Z"),
        arguments(
            "yyyy-MM-dd HH:mm:ss",
            "America/New_York",
            "2019-07-01 00:01:39",
            "2019-07-01T04:01:39Z"),
        // 02:30 does not exist on that night in New York: java.time moves it an hour forward.
        arguments(
            "yyyy-MM-dd HH:mm:ss",
            "America/New_York",
            "2019-03-10 02:30:00",
            "2019-03-10T07:30:00Z"),
        arguments("yyyy-MM-dd HH:mm:ss", "+05:30", "2019-01-01 05:31:39", "2019-01-01T00:01:39Z"),
        arguments(
            "yyyy-MM-dd HH:mm:ss",
            "",
            "2019-01-01T00:01:39",
            "timestamp '2019-01-01T00:01:39' does not" + " match the format 'yyyy-MM-dd HH:mm:ss'"),
        arguments(
            "yyyy-MM-dd HH:mm:ss",
            "",
            "2019-13-45 25:61:00",
            "timestamp '2019-13-45 25:61:00' does not" + " match the format 'yyyy-MM-dd HH:mm:ss'"),
        arguments(
            "yyyy-MM-dd HH:mm:ssXXX",
            "America/New_York",
            "2019-01-01 01:01:39+01:00",
            "2019-01-01T00:01:39Z"),
        arguments("dd/MM/yyyy HH:mm", "Europe/Paris", "01/01/2019 01:01", "2019-01-01T00:01:00Z"));
  }

  @ParameterizedTest(name = "{0} [{1}] {2} -> {3}")
  @MethodSource("timestamps")
  void timestampFormats(String format, String zone, String value, String expected) {
    TimestampFormat.Reader reader = TimestampFormat.parse(format, zone).reader();
    if (expected.startsWith("timestamp")) {
      assertThatThrownBy(() -> reader.read("timestamp", value)).hasMessage(expected);
    } else {
      assertThat(reader.read("timestamp", value)).isEqualTo(Instant.parse(expected));
    }
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        arguments(
            "yyyy-MM-dd HH:mm:ss",
            "Mars/Olympus",
            "unknown time zone 'Mars/Olympus': use an IANA id"
                + " such as America/New_York, or UTC, or an offset such as +01:00"),
        arguments(
            "yyyy-bb-dd",
            "",
            "timestamp format 'yyyy-bb-dd' is neither iso, epoch-seconds,"
                + " epoch-millis nor a valid pattern (Unknown pattern letter: b)"));
  }

  @ParameterizedTest(name = "--timestamp-format={0} --time-zone={1}")
  @MethodSource("badOptions")
  void timestampOptionsThatCannotWorkAreRefusedUpFront(String format, String zone, String message) {
    assertThatThrownBy(() -> TimestampFormat.parse(format, zone)).hasMessage(message);
  }

  static Stream<Arguments> mappings() {
    return Stream.of(
        // header, format, --map, the plan line expected, or the message
        arguments(
            KAGGLE_HEADER,
            "kaggle",
            "",
            "customer_id: none; the card's keyed fingerprint (HMAC under"
                + " the card key) identifies the customer"),
        arguments(
            KAGGLE_HEADER,
            "kaggle",
            "",
            "currency: none; USD for every row (default; --map" + " currency=XXX to set another)"),
        arguments(
            KAGGLE_HEADER,
            "kaggle",
            "",
            "country: none; US for every row (default; --map country=XX" + " to set another)"),
        arguments(
            KAGGLE_HEADER,
            "kaggle",
            "",
            "channel: none; POS for located payments, ECOM for the"
                + " others (default; --map channel=POS to set one)"),
        arguments(KAGGLE_HEADER, "kaggle", "", "home_latitude <- column 'lat'"),
        arguments(
            KAGGLE_HEADER,
            "kaggle",
            "currency=EUR,channel=ECOM",
            "currency = EUR for every row" + " (constant)"),
        arguments(KAGGLE_HEADER, "kaggle", "customer_id=first", "customer_id <- column 'first'"),
        arguments(
            KAGGLE_HEADER,
            "kaggle",
            "currency=usd",
            "!currency=usd: the header has no column 'usd',"
                + " and it is not a valid constant either (a currency is 3 upper-case letters, ISO 4217, e.g."
                + " USD)"),
        arguments(
            KAGGLE_HEADER,
            "kaggle",
            "channel=WEB",
            "!channel=WEB: the header has no column 'WEB',"
                + " and it is not a valid constant either (a channel is POS, ECOM or ATM)"),
        arguments(
            KAGGLE_HEADER,
            "kaggle",
            "amount=amnt",
            "!amount=amnt: the header has no column 'amnt'."
                + " The header has: trans_date_trans_time, cc_num, merchant"),
        arguments(
            KAGGLE_HEADER,
            "native",
            "",
            "!the header lacks required columns [amount, merchant_category,"
                + " merchant_id, timestamp, transaction_id]; use a mapping (--map column=fileColumn) if they"
                + " are named differently; the header has neither customer_id nor card_number: map one of"
                + " them (with card_number alone, the card's fingerprint identifies the customer)"),
        arguments(
            KAGGLE_HEADER,
            "kaggle",
            "customer_id=cc_num",
            "!customer_id and card_number are the same"
                + " column 'cc_num': a card number must never be stored as an id. Map card_number only: its"
                + " fingerprint then identifies the customer"),
        arguments(
            KAGGLE_HEADER.replace(",merch_long", ",merch_lng"),
            "kaggle",
            "",
            "!longitude=merch_long:"
                + " the header has no column 'merch_long'; latitude and longitude go together: the header"
                + " has only latitude (map both, or neither)"),
        arguments(
            KAGGLE_HEADER,
            "kaggle",
            "price=amt",
            "!cannot map unknown column 'price'; the columns" + " are [transaction_id,"),
        arguments(
            KAGGLE_HEADER,
            "kaggle",
            "amount",
            "!a mapping is column=fileColumn or column=VALUE (got" + " 'amount')"),
        arguments(
            KAGGLE_HEADER, "kaggle", "amount=amt,amount=amt", "!column 'amount' is mapped twice"),
        arguments(KAGGLE_HEADER, "csv", "", "!unknown format 'csv': use native or kaggle"));
  }

  @ParameterizedTest(name = "{1} --map={2} -> {3}")
  @MethodSource("mappings")
  void mappingsConstantsAndDefaults(String header, String format, String map, String expected) {
    if (expected.startsWith("!")) {
      assertThatThrownBy(() -> resolve(header, format, map))
          .hasMessageContaining(expected.substring(1));
    } else {
      assertThat(resolve(header, format, map).describe()).contains(expected);
    }
  }

  private static FileLayout resolve(String header, String format, String map) {
    return ColumnMapping.parse(map)
        .over(HistoryFormat.parse(format).mapping())
        .resolve(Arrays.asList(header.split(",")));
  }

  @ParameterizedTest(name = "--max-rejected={0}")
  @MethodSource("shares")
  void theRefusedShareIsAPercentageOrAFraction(String text, double share) {
    if (Double.isNaN(share)) {
      assertThatThrownBy(() -> BackfillOptions.parseShare(text))
          .hasMessage("expected a share of rows such as 1% or 0.01, got '" + text.strip() + "'");
    } else {
      assertThat(BackfillOptions.parseShare(text)).isEqualTo(share);
    }
  }

  static List<Arguments> shares() {
    return List.of(
        arguments("1%", 0.01),
        arguments(" 0.5 % ", 0.005),
        arguments("0.02", 0.02),
        arguments("0", 0.0),
        arguments("150%", Double.NaN),
        arguments("abc", Double.NaN));
  }
}
