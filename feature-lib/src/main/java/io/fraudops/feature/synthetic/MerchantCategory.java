package io.fraudops.feature.synthetic;

/**
 * Merchant categories of the synthetic world.
 *
 * @param amountFactor typical spend relative to the customer's usual amount
 * @param onlineShare share of merchants in this category that sell online only
 * @param popularity how likely a customer is to use this category at all
 */
public enum MerchantCategory {
  GROCERY("grocery", 1.0, 0.05, 10),
  FUEL("fuel", 1.1, 0.0, 6),
  RESTAURANTS("restaurants", 0.8, 0.0, 8),
  PHARMACY("pharmacy", 0.6, 0.1, 5),
  CLOTHING("clothing", 1.6, 0.3, 4),
  ENTERTAINMENT("entertainment", 0.9, 0.3, 3),
  DIGITAL_GOODS("digital_goods", 0.4, 1.0, 3),
  GAMING("gaming", 0.6, 0.9, 2),
  ELECTRONICS("electronics", 3.0, 0.5, 1.5),
  TRAVEL("travel", 5.0, 0.6, 1),
  JEWELRY("jewelry", 4.0, 0.2, 0.5),
  ATM("atm_cash", 1.5, 0.0, 3);

  private final String code;
  private final double amountFactor;
  private final double onlineShare;
  private final double popularity;

  MerchantCategory(String code, double amountFactor, double onlineShare, double popularity) {
    this.code = code;
    this.amountFactor = amountFactor;
    this.onlineShare = onlineShare;
    this.popularity = popularity;
  }

  /** The value of a transaction's {@code merchantCategory}. */
  public String code() {
    return code;
  }

  public double amountFactor() {
    return amountFactor;
  }

  public double onlineShare() {
    return onlineShare;
  }

  public double popularity() {
    return popularity;
  }
}
