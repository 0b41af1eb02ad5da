package io.fraudops.feature.synthetic;

import io.fraudops.feature.transaction.CardTokenizer;
import io.fraudops.feature.transaction.Channel;
import io.fraudops.feature.transaction.PayloadKeys;
import io.fraudops.feature.transaction.Transaction;
import io.fraudops.feature.transaction.TransactionParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds payments, and the normal behaviour of customers: near home, at usual merchants and
 * amounts.
 */
final class Purchases {

  private static final double FAVOURITE_SHARE = 0.85;
  private static final double USUAL_CATEGORY_SHARE = 0.97;
  private static final long MINUTE = 60_000L;

  /**
   * Chance that a normal arrival is a spree of several purchases within minutes, and its extra
   * rows.
   */
  static final double SPREE_CHANCE = 0.02;

  static final double SPREE_EXTRA_ROWS = 2.5;
  private static final double IN_APP_SHARE = 0.4;

  final SyntheticWorld world;
  final Random random;
  final CustomerState[] states;
  final Devices devices;
  private final String idPrefix;
  private final CardTokenizer cards;
  private long issued;

  Purchases(SyntheticWorld world, Random random, long seed, CardTokenizer cards) {
    this.cards = cards;
    this.world = world;
    this.random = random;
    this.states = new CustomerState[world.customers().size()];
    for (int i = 0; i < states.length; i++) {
      states[i] = new CustomerState();
    }
    this.idPrefix = "T" + Long.toUnsignedString(seed, 36) + "-";
    this.devices = new Devices(seed);
  }

  Planned normal(int customer, long t) {
    SyntheticCustomer c = world.customers().get(customer);
    CustomerState state = states[customer];
    if (!state.travellingAt(t)) {
      state.trip = null;
      Trips.maybeStart(c, state, t, random);
    }
    SyntheticMerchant merchant = state.trip != null ? tripMerchant(c, state.trip) : homeMerchant(c);
    return payment(customer, merchant, normalAmount(c, merchant.category()), t, FraudPattern.NONE);
  }

  /**
   * Several legitimate purchases within minutes: a shopping trip, or in-app purchases at one online
   * shop. Without these, any burst would give card testing away.
   */
  List<Planned> spree(int customer, long t) {
    SyntheticCustomer c = world.customers().get(customer);
    List<SyntheticMerchant> online =
        c.favouriteMerchants().stream().filter(SyntheticMerchant::online).toList();
    SyntheticMerchant app =
        !online.isEmpty() && random.nextDouble() < IN_APP_SHARE
            ? online.get(random.nextInt(online.size()))
            : null;
    List<Planned> rows = new ArrayList<>();
    rows.add(normal(customer, t));
    int extra = 1 + random.nextInt(4);
    long at = t;
    for (int i = 0; i < extra; i++) {
      at += (1 + random.nextInt(15)) * MINUTE;
      rows.add(
          app != null
              ? payment(
                  customer,
                  app,
                  WorldBuilder.cents(1 + 9 * random.nextDouble()),
                  at,
                  FraudPattern.NONE)
              : normal(customer, at));
    }
    return rows;
  }

  /**
   * A normal card-present purchase where the customer is now (home, or the city they travel in).
   */
  Planned located(int customer, long t) {
    SyntheticCustomer c = world.customers().get(customer);
    CustomerState state = states[customer];
    String city = state.travellingAt(t) ? state.trip.name() : c.homeCity();
    List<SyntheticMerchant> here = physicalIn(city, c.favouriteMerchants());
    if (here.isEmpty()) {
      here = physicalIn(city, world.merchants());
    }
    SyntheticMerchant merchant = here.get(random.nextInt(here.size()));
    return payment(customer, merchant, normalAmount(c, merchant.category()), t, FraudPattern.NONE);
  }

  double normalAmount(SyntheticCustomer c, MerchantCategory category) {
    if (category == MerchantCategory.ATM) {
      return 20.0 * (1 + random.nextInt(10));
    }
    double amount =
        c.usualAmount() * category.amountFactor() * StrictMath.exp(0.45 * random.nextGaussian());
    return WorldBuilder.cents(Math.max(1.0, amount));
  }

  /** A payment from one of the customer's own devices (or none, card-present without a wallet). */
  Planned payment(
      int customer, SyntheticMerchant merchant, double amount, long t, FraudPattern pattern) {
    return payment(
        customer,
        merchant,
        amount,
        t,
        pattern,
        devices.own(world.customers().get(customer), merchant.online()));
  }

  /**
   * @param device null for a payment without a device
   */
  Planned payment(
      int customer,
      SyntheticMerchant merchant,
      double amount,
      long t,
      FraudPattern pattern,
      String device) {
    Map<String, Object> payload =
        payload(world.customers().get(customer), merchant, amount, t, device);
    Transaction tx =
        new TransactionParser(
                Clock.fixed(Instant.ofEpochMilli(t), ZoneOffset.UTC),
                TransactionParser.DEFAULT_EARLIEST_TIMESTAMP,
                cards)
            .tokenizeAndParse(payload);
    return new Planned(
        t,
        new LabelledTransaction(payload, tx, pattern.isFraud(), pattern),
        customer,
        merchant.category());
  }

  Map<String, Object> payload(
      SyntheticCustomer c, SyntheticMerchant merchant, double amount, long t, String device) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(PayloadKeys.TRANSACTION_ID, idPrefix + String.format("%09d", ++issued));
    payload.put(PayloadKeys.CUSTOMER_ID, c.customerId());
    payload.put(PayloadKeys.CARD_NUMBER, c.cardNumber());
    payload.put(PayloadKeys.AMOUNT, amount);
    payload.put(PayloadKeys.CURRENCY, merchant.currency());
    payload.put(PayloadKeys.MERCHANT_ID, merchant.merchantId());
    payload.put(PayloadKeys.MERCHANT_CATEGORY, merchant.category().code());
    payload.put(PayloadKeys.COUNTRY, merchant.country());
    if (merchant.physical()) {
      payload.put(PayloadKeys.LATITUDE, merchant.latitude());
      payload.put(PayloadKeys.LONGITUDE, merchant.longitude());
    }
    payload.put(PayloadKeys.CHANNEL, channel(merchant).name());
    payload.put(PayloadKeys.TIMESTAMP, Instant.ofEpochMilli(t).toString());
    if (device != null) {
      payload.put(PayloadKeys.DEVICE_ID, device);
    }
    return payload;
  }

  static Channel channel(SyntheticMerchant merchant) {
    if (merchant.online()) {
      return Channel.ECOM;
    }
    return merchant.category() == MerchantCategory.ATM ? Channel.ATM : Channel.POS;
  }

  List<SyntheticMerchant> physicalIn(String city, List<SyntheticMerchant> merchants) {
    return merchants.stream().filter(m -> m.physical() && city.equals(m.city())).toList();
  }

  private SyntheticMerchant homeMerchant(SyntheticCustomer c) {
    double roll = random.nextDouble();
    if (roll < FAVOURITE_SHARE) {
      return c.favouriteMerchants().get(random.nextInt(c.favouriteMerchants().size()));
    }
    List<SyntheticMerchant> pool =
        roll < USUAL_CATEGORY_SHARE ? world.merchantsOf(c.usualCategories()) : world.merchants();
    // Somewhere the customer could plausibly be: online, or in their home city.
    List<SyntheticMerchant> reachable =
        pool.stream().filter(m -> m.online() || c.homeCity().equals(m.city())).toList();
    List<SyntheticMerchant> choice = reachable.isEmpty() ? c.favouriteMerchants() : reachable;
    return choice.get(random.nextInt(choice.size()));
  }

  private SyntheticMerchant tripMerchant(SyntheticCustomer c, City city) {
    List<SyntheticMerchant> local = physicalIn(city.name(), world.merchants());
    if (local.isEmpty() || random.nextDouble() < 0.2) {
      return c.favouriteMerchants().get(random.nextInt(c.favouriteMerchants().size()));
    }
    return local.get(random.nextInt(local.size()));
  }
}
