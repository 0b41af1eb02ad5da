package io.fraudops.feature.transaction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a payload as it arrives in a process variable (a JSON-ish map whose numbers may be Integer,
 * Long, Double, BigDecimal or String) into a {@link Transaction}, or reports every problem at once in
 * one {@link InvalidTransactionException}. Unknown keys are ignored. Thread-safe.
 */
public final class TransactionParser {

    /** How far a terminal's clock may run ahead of ours before we distrust the timestamp. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    public TransactionParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public TransactionParser() {
        this(Clock.systemUTC());
    }

    public Transaction parse(Map<String, ?> payload) {
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
        in.ifReadable(() -> TransactionRules.checkText(PayloadKeys.TRANSACTION_ID, transactionId, problems),
                PayloadKeys.TRANSACTION_ID);
        in.ifReadable(() -> TransactionRules.checkText(PayloadKeys.CUSTOMER_ID, customerId, problems),
                PayloadKeys.CUSTOMER_ID);
        in.ifReadable(() -> TransactionRules.checkAmount(amount, problems), PayloadKeys.AMOUNT);
        in.ifReadable(() -> TransactionRules.checkCurrency(currency, problems), PayloadKeys.CURRENCY);
        in.ifReadable(() -> TransactionRules.checkText(PayloadKeys.MERCHANT_ID, merchantId, problems),
                PayloadKeys.MERCHANT_ID);
        in.ifReadable(() -> TransactionRules.checkText(PayloadKeys.MERCHANT_CATEGORY, merchantCategory, problems),
                PayloadKeys.MERCHANT_CATEGORY);
        in.ifReadable(() -> TransactionRules.checkCountry(country, problems), PayloadKeys.COUNTRY);
        in.ifReadable(() -> TransactionRules.checkLocation(latitude, longitude, problems),
                PayloadKeys.LATITUDE, PayloadKeys.LONGITUDE);
        in.ifReadable(() -> TransactionRules.checkChannel(channel, problems), PayloadKeys.CHANNEL);
        in.ifReadable(() -> {
            TransactionRules.checkTimestamp(timestamp, problems);
            checkNotInFuture(timestamp, problems);
        }, PayloadKeys.TIMESTAMP);
        in.ifReadable(() -> TransactionRules.checkOptionalText(PayloadKeys.DEVICE_ID, deviceId, problems),
                PayloadKeys.DEVICE_ID);
        if (!problems.isEmpty()) {
            throw new InvalidTransactionException(problems);
        }
        return new Transaction(transactionId, customerId, card, amount, currency, merchantId, merchantCategory,
                country, latitude, longitude, channel, timestamp, deviceId);
    }

    private void checkNotInFuture(Instant timestamp, List<String> problems) {
        if (timestamp == null) {
            return;
        }
        Instant now = clock.instant();
        if (timestamp.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            problems.add("timestamp must not be more than " + MAX_CLOCK_SKEW.toMinutes()
                    + " minutes in the future (got " + timestamp + ", now " + now + ")");
        }
    }
}
