package io.fraudops.feature.transaction;

import java.util.List;

/** Keys of a transaction payload, as {@link TransactionParser} reads and {@link Transaction#toMap()} writes them. */
public final class PayloadKeys {

    public static final String TRANSACTION_ID = "transactionId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CARD_NUMBER = "cardNumber";
    public static final String CARD_FINGERPRINT = "cardFingerprint";
    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String MERCHANT_ID = "merchantId";
    public static final String MERCHANT_CATEGORY = "merchantCategory";
    public static final String COUNTRY = "country";
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    public static final String CHANNEL = "channel";
    public static final String TIMESTAMP = "timestamp";
    public static final String DEVICE_ID = "deviceId";

    public static final List<String> ALL = List.of(TRANSACTION_ID, CUSTOMER_ID, CARD_NUMBER, CARD_FINGERPRINT,
            AMOUNT, CURRENCY, MERCHANT_ID, MERCHANT_CATEGORY, COUNTRY, LATITUDE, LONGITUDE, CHANNEL, TIMESTAMP,
            DEVICE_ID);

    private PayloadKeys() {
    }
}
