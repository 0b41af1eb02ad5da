package io.fraudops.feature.transaction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a payload as it arrives in a process variable (a JSON-ish map whose numbers may be Integer,
 * Long, Double, BigDecimal or String) into a {@link Transaction}, or reports every problem at once
 * in one {@link InvalidTransactionException}. The one validation of a payment: the intake, the
 * Validate step, the backfill and the synthetic data all use it. Unknown keys are ignored.
 * Thread-safe.
 *
 * <p>The card must come as {@link CardTokenizer} left it: a clear number is refused (it should
 * never have reached the process), and a masked one only with the MAC the tokenizer made for this
 * transaction id, so a caller cannot choose the fingerprint a payment is stored under. Sources that
 * hold clear numbers themselves (history files, synthetic data) call {@link
 * #tokenizeAndParse(Map)}.
 */
public final class TransactionParser {

  /** How far a terminal's clock may run ahead of ours before we distrust the timestamp. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /** The default of the earliest timestamp accepted: no card payment screened here is older. */
  public static final Instant DEFAULT_EARLIEST_TIMESTAMP = Instant.parse("2000-01-01T00:00:00Z");

  /**
   * How long ago a payment may have been received and still be screened: a payment re-started after
   * an outage keeps its receipt time, but one received over a month ago is a wrong value.
   */
  public static final Duration MAX_RECEIPT_AGE = Duration.ofDays(30);

  /** The process variable beside the payload: when the payment was received, epoch milliseconds. */
  private static final String RECEIVED_AT = "receivedAt";

  private final Clock clock;
  private final Instant earliestTimestamp;
  private final CardTokenizer cards;

  /**
   * @param earliestTimestamp the oldest {@code timestamp} and {@code receivedAt} accepted
   * @param cards the tokenizer whose MACs prove a masked card genuine
   */
  public TransactionParser(Clock clock, Instant earliestTimestamp, CardTokenizer cards) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.earliestTimestamp = Objects.requireNonNull(earliestTimestamp, "earliestTimestamp");
    this.cards = Objects.requireNonNull(cards, "cards");
  }

  /** On the system clock, with {@link #DEFAULT_EARLIEST_TIMESTAMP}. */
  public TransactionParser(CardTokenizer cards) {
    this(Clock.systemUTC(), DEFAULT_EARLIEST_TIMESTAMP, cards);
  }

  public Transaction parse(Map<String, ?> payload) {
    return parse(payload, null);
  }

  /**
   * Also checks when the payment was received ({@code receivedAt}, epoch milliseconds, null when
   * the caller did not say): not before the earliest timestamp, not in the future beyond the clock
   * skew, not older than {@link #MAX_RECEIPT_AGE}. The audit's latency is measured from it.
   */
  public Transaction parse(Map<String, ?> payload, Object receivedAt) {
    if (payload == null) {
      throw new InvalidTransactionException("the transaction payload is missing");
    }
    List<String> problems = new ArrayList<>();
    PayloadReader in = new PayloadReader(payload, problems);

    String transactionId = in.text(PayloadKeys.TRANSACTION_ID);
    String customerId = in.text(PayloadKeys.CUSTOMER_ID);
    CardNumber card = in.card();
    BigDecimal amount = in.decimal(PayloadKeys.AMOUNT);
    String currency = in.text(PayloadKeys.CURRENCY);
    String merchantId = in.text(PayloadKeys.MERCHANT_ID);
    String merchantCategory = in.text(PayloadKeys.MERCHANT_CATEGORY);
    String country = in.text(PayloadKeys.COUNTRY);
    Double latitude = in.coordinate(PayloadKeys.LATITUDE);
    Double longitude = in.coordinate(PayloadKeys.LONGITUDE);
    String channel = in.text(PayloadKeys.CHANNEL);
    Instant timestamp = in.instant(PayloadKeys.TIMESTAMP);
    String deviceId = in.text(PayloadKeys.DEVICE_ID);

    // Only values that were readable are checked, so one bad value yields one problem.
    in.ifReadable(
        () -> TransactionRules.checkText(PayloadKeys.TRANSACTION_ID, transactionId, problems),
        PayloadKeys.TRANSACTION_ID);
    in.ifReadable(
        () -> checkCardToken(card, transactionId, in.cardTokenMac(), problems),
        PayloadKeys.CARD_NUMBER,
        PayloadKeys.TRANSACTION_ID);
    in.ifReadable(
        () -> TransactionRules.checkText(PayloadKeys.CUSTOMER_ID, customerId, problems),
        PayloadKeys.CUSTOMER_ID);
    in.ifReadable(() -> TransactionRules.checkAmount(amount, problems), PayloadKeys.AMOUNT);
    in.ifReadable(() -> TransactionRules.checkCurrency(currency, problems), PayloadKeys.CURRENCY);
    in.ifReadable(
        () -> TransactionRules.checkText(PayloadKeys.MERCHANT_ID, merchantId, problems),
        PayloadKeys.MERCHANT_ID);
    in.ifReadable(
        () -> TransactionRules.checkText(PayloadKeys.MERCHANT_CATEGORY, merchantCategory, problems),
        PayloadKeys.MERCHANT_CATEGORY);
    in.ifReadable(() -> TransactionRules.checkCountry(country, problems), PayloadKeys.COUNTRY);
    in.ifReadable(
        () -> TransactionRules.checkLocation(latitude, longitude, problems),
        PayloadKeys.LATITUDE,
        PayloadKeys.LONGITUDE);
    in.ifReadable(() -> TransactionRules.checkChannel(channel, problems), PayloadKeys.CHANNEL);
    in.ifReadable(
        () -> {
          TransactionRules.checkTimestamp(timestamp, problems);
          checkWithinBounds(PayloadKeys.TIMESTAMP, timestamp, problems);
        },
        PayloadKeys.TIMESTAMP);
    in.ifReadable(
        () -> TransactionRules.checkOptionalText(PayloadKeys.DEVICE_ID, deviceId, problems),
        PayloadKeys.DEVICE_ID);
    checkReceivedAt(receivedAt, problems);
    if (!problems.isEmpty()) {
      throw new InvalidTransactionException(problems);
    }
    return new Transaction(
        transactionId,
        customerId,
        card,
        amount,
        currency,
        merchantId,
        merchantCategory,
        country,
        latitude,
        longitude,
        channel,
        timestamp,
        deviceId);
  }

  /**
   * For sources that hold clear card numbers themselves and are trusted with them (a history file,
   * the synthetic generator): tokenizes with this parser's key, then parses.
   */
  public Transaction tokenizeAndParse(Map<String, ?> payload) {
    return parse(cards.tokenize(payload));
  }

  /**
   * The tokenizer this parser verifies cards with, for trusted sources that need a card's keyed
   * fingerprint before parsing (a history file whose customer is its card).
   */
  public CardTokenizer cards() {
    return cards;
  }

  public Instant earliestTimestamp() {
    return earliestTimestamp;
  }

  private void checkCardToken(
      CardNumber card, String transactionId, String mac, List<String> problems) {
    if (card == null) {
      return;
    }
    if (mac == null) {
      problems.add(
          "cardTokenMac is required with a masked cardNumber: only this service's card tokenizer "
              + "writes masked cards");
    } else if (!cards.madeThis(card, CardTokenizer.macId(transactionId), mac)) {
      problems.add(
          "cardTokenMac does not match: the masked card and its fingerprint were not tokenized by "
              + "this service for this transactionId");
    }
  }

  private void checkWithinBounds(String key, Instant at, List<String> problems) {
    if (at == null) {
      return;
    }
    Instant now = clock.instant();
    if (at.isBefore(earliestTimestamp)) {
      problems.add(key + " must not be before " + earliestTimestamp + " (got " + at + ")");
    } else if (at.isAfter(now.plus(MAX_CLOCK_SKEW))) {
      problems.add(
          key
              + " must not be more than "
              + MAX_CLOCK_SKEW.toMinutes()
              + " minutes in the future (got "
              + at
              + ", now "
              + now
              + ")");
    }
  }

  private void checkReceivedAt(Object receivedAt, List<String> problems) {
    if (receivedAt == null) {
      return;
    }
    Long millis = wholeNumber(receivedAt);
    if (millis == null) {
      problems.add(
          "receivedAt must be epoch milliseconds, a whole number (got "
              + Echo.quote(receivedAt)
              + ")");
      return;
    }
    Instant at = Instant.ofEpochMilli(millis);
    int before = problems.size();
    checkWithinBounds(RECEIVED_AT, at, problems);
    Instant now = clock.instant();
    if (problems.size() == before && at.isBefore(now.minus(MAX_RECEIPT_AGE))) {
      problems.add(
          "receivedAt must not be more than "
              + MAX_RECEIPT_AGE.toDays()
              + " days ago (got "
              + at
              + ", now "
              + now
              + ")");
    }
  }

  private static Long wholeNumber(Object value) {
    try {
      return switch (value) {
        case Long l -> l;
        case Integer i -> i.longValue();
        case BigInteger b -> b.longValueExact();
        case BigDecimal d -> d.longValueExact();
        case Double d when d == Math.rint(d) && Math.abs(d) < 9.0e15 -> d.longValue();
        default -> null;
      };
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
