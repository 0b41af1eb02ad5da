package io.fraudops.feature.synthetic;

import java.util.Random;

/**
 * Which device pays. Each customer owns one or two devices and uses them for every online payment
 * and for most card-present ones (a phone wallet); fraudsters bring their own: a device new to
 * everyone, or one of a few shared by a ring and used against many customers. Draws from its own
 * Random so that adding devices did not change any other part of the stream.
 */
final class Devices {

  private static final double WALLET_SHARE = 0.7;
  private static final double SHARED_FRAUD_DEVICE_SHARE = 0.6;
  private static final int SHARED_FRAUD_DEVICES = 5;

  private final Random random;
  private long fresh;

  Devices(long seed) {
    this.random = new Random(seed ^ 0x0DE71CE5L);
  }

  /** The customer's own device, or null for a plain card-present payment. */
  String own(SyntheticCustomer c, boolean online) {
    if (!online && random.nextDouble() >= WALLET_SHARE) {
      return null;
    }
    int owned = 1 + Math.floorMod(c.customerId().hashCode(), 2);
    return "D-" + c.customerId() + "-" + (1 + random.nextInt(owned));
  }

  /** A fraudster's device for one incident. */
  String fraudster() {
    if (random.nextDouble() < SHARED_FRAUD_DEVICE_SHARE) {
      return "D-ring-" + (1 + random.nextInt(SHARED_FRAUD_DEVICES));
    }
    return "D-new-" + (++fresh);
  }
}
