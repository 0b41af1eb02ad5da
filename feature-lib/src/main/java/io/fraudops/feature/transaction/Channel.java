package io.fraudops.feature.transaction;

/** Where the card was used: at a terminal, online, or at a cash machine. */
public enum Channel {
  POS,
  ECOM,
  ATM;

  public static boolean isKnown(String name) {
    for (Channel channel : values()) {
      if (channel.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
