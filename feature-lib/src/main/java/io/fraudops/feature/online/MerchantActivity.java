package io.fraudops.feature.online;

/**
 * The merchant's side of a transaction's history: payments by any customer, and labels.
 *
 * @param payments1h the merchant's payments in the hour before the transaction
 * @param payments24h same, 24 hours
 * @param labels labels on the merchant's payments known in the label window before the transaction
 */
public record MerchantActivity(long payments1h, long payments24h, LabelCounts labels) {

  public static final MerchantActivity NONE = new MerchantActivity(0, 0, LabelCounts.NONE);

  public MerchantActivity {
    if (payments1h < 0 || payments24h < payments1h) {
      throw new IllegalArgumentException("need 0 <= payments1h <= payments24h");
    }
    java.util.Objects.requireNonNull(labels, "labels");
  }
}
