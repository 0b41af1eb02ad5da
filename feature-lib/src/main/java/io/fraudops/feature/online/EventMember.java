package io.fraudops.feature.online;

import io.fraudops.feature.history.LabelEvent;
import io.fraudops.feature.transaction.Transaction;

/**
 * Encodes what the stores keep as sorted-set members. The same transaction (or label) always
 * encodes to the same member, which is what makes recording it twice a no-op in both stores.
 *
 * <p>A customer event is "txId|amount|lat|lon|merchant|country". Decoding reads from the right, so
 * a '|' inside a transaction id is harmless; the merchant id is percent-encoded so a '|' in it is
 * too.
 */
final class EventMember {

  private static final char SEPARATOR = '|';

  private EventMember() {}

  static String encode(Transaction tx) {
    return tx.transactionId()
        + SEPARATOR
        + tx.amount().toPlainString()
        + SEPARATOR
        + (tx.hasLocation() ? tx.latitude().toString() : "")
        + SEPARATOR
        + (tx.hasLocation() ? tx.longitude().toString() : "")
        + SEPARATOR
        + escape(tx.merchantId())
        + SEPARATOR
        + tx.country();
  }

  static PastTransaction decode(String member, long epochMillis) {
    int countryStart = member.lastIndexOf(SEPARATOR);
    int merchantStart = member.lastIndexOf(SEPARATOR, countryStart - 1);
    int lonStart = member.lastIndexOf(SEPARATOR, merchantStart - 1);
    int latStart = member.lastIndexOf(SEPARATOR, lonStart - 1);
    int amountStart = member.lastIndexOf(SEPARATOR, latStart - 1);
    if (amountStart < 0) {
      throw new IllegalStateException("not an event member: " + member);
    }
    double amount = Double.parseDouble(member.substring(amountStart + 1, latStart));
    String lat = member.substring(latStart + 1, lonStart);
    String lon = member.substring(lonStart + 1, merchantStart);
    return new PastTransaction(
        epochMillis,
        amount,
        lat.isEmpty() ? null : Double.valueOf(lat),
        lon.isEmpty() ? null : Double.valueOf(lon),
        unescape(member.substring(merchantStart + 1, countryStart)),
        member.substring(countryStart + 1));
  }

  /** A device use: "customer|txId", the customer escaped so the first '|' ends it. */
  static String deviceUse(Transaction tx) {
    return escape(tx.customerId()) + SEPARATOR + tx.transactionId();
  }

  static String deviceUseCustomer(String member) {
    return unescape(member.substring(0, member.indexOf(SEPARATOR)));
  }

  /**
   * One label per transaction and source: a second label from the same source is the same member.
   */
  static String label(LabelEvent label) {
    return label.source() + SEPARATOR + label.transactionId();
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

  static String deviceField(Transaction tx) {
    return "device:" + tx.deviceId();
  }

  static String escape(String id) {
    return id.replace("%", "%25").replace("|", "%7C");
  }

  private static String unescape(String id) {
    return id.replace("%7C", "|").replace("%25", "%");
  }
}
