package io.fraudops.feature.online;

import io.fraudops.feature.transaction.Transaction;

/**
 * Encodes a transaction as a sorted-set member "txId|amount|lat|lon". The same transaction always
 * encodes to the same member, which is what makes recording it twice a no-op in both stores.
 * Decoding reads from the right, so a '|' inside a transaction id is harmless.
 */
final class EventMember {

    private static final char SEPARATOR = '|';

    private EventMember() {
    }

    static String encode(Transaction tx) {
        return tx.transactionId() + SEPARATOR + tx.amount().toPlainString() + SEPARATOR
                + (tx.hasLocation() ? tx.latitude().toString() : "") + SEPARATOR
                + (tx.hasLocation() ? tx.longitude().toString() : "");
    }

    static PastTransaction decode(String member, long epochMillis) {
        int lonStart = member.lastIndexOf(SEPARATOR);
        int latStart = member.lastIndexOf(SEPARATOR, lonStart - 1);
        int amountStart = member.lastIndexOf(SEPARATOR, latStart - 1);
        if (amountStart < 0) {
            throw new IllegalStateException("not an event member: " + member);
        }
        double amount = Double.parseDouble(member.substring(amountStart + 1, latStart));
        String lat = member.substring(latStart + 1, lonStart);
        String lon = member.substring(lonStart + 1);
        return new PastTransaction(epochMillis, amount,
                lat.isEmpty() ? null : Double.valueOf(lat), lon.isEmpty() ? null : Double.valueOf(lon));
    }

    /** Hash fields of the first-seen marks; the kind prefix keeps ids of different kinds apart. */
    static String merchantField(Transaction tx) {
        return "merchant:" + tx.merchantId();
    }

    static String categoryField(Transaction tx) {
        return "category:" + tx.merchantCategory();
    }

    static String countryField(Transaction tx) {
        return "country:" + tx.country();
    }
}
