package io.fraudops.feature.synthetic;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The fraud patterns. Each leaves a trace in the V1 features (velocity, night hour, first-time
 * flags, amount ratio, impossible speed), and each trace also occurs, less often, in normal
 * behaviour, so a model has to combine them rather than read one flag.
 */
final class FraudScenarios {

  /** Relative frequency of incidents per pattern, and rows each produces on average. */
  static final double CARD_TESTING = 0.15;

  static final double ACCOUNT_TAKEOVER = 0.30;
  static final double IMPOSSIBLE_TRAVEL = 0.30;
  static final double UNUSUAL_CATEGORY = 0.25;

  /** Mean fraud rows per incident: 7 for card testing, 2 for takeover, 1 for the others. */
  static final double FRAUD_ROWS =
      CARD_TESTING * 7 + ACCOUNT_TAKEOVER * 2 + IMPOSSIBLE_TRAVEL + UNUSUAL_CATEGORY;

  /** Plus the legitimate payment that precedes impossible travel. */
  static final double ALL_ROWS = FRAUD_ROWS + IMPOSSIBLE_TRAVEL;

  private static final long MINUTE = 60_000L;
  private static final double MIN_TRAVEL_KM = 800;
  private static final double SLOW_TESTING_SHARE = 0.3;
  private static final double DAYTIME_TAKEOVER_SHARE = 0.35;
  private static final double USUAL_SHOP_TAKEOVER_SHARE = 0.3;
  private static final Set<MerchantCategory> TESTED_AT =
      EnumSet.of(
          MerchantCategory.DIGITAL_GOODS, MerchantCategory.GAMING, MerchantCategory.ELECTRONICS);
  private static final Set<MerchantCategory> RESOLD =
      EnumSet.of(MerchantCategory.ELECTRONICS, MerchantCategory.JEWELRY);

  private final Purchases purchases;

  FraudScenarios(Purchases purchases) {
    this.purchases = purchases;
  }

  List<Planned> cardTesting(int customer, long t) {
    List<SyntheticMerchant> shops =
        purchases.world.merchantsOf(TESTED_AT).stream().filter(SyntheticMerchant::online).toList();
    int tries = 4 + purchases.random.nextInt(7);
    // Careful testers go slower and pay a little more, to stay under velocity rules.
    boolean slow = purchases.random.nextDouble() < SLOW_TESTING_SHARE;
    double maxAmount = slow ? 15 : 5;
    List<Planned> rows = new ArrayList<>(tries);
    String device = purchases.devices.fraudster();
    long at = t;
    for (int i = 0; i < tries; i++) {
      SyntheticMerchant shop = shops.get(purchases.random.nextInt(shops.size()));
      double amount = WorldBuilder.cents(0.5 + (maxAmount - 0.5) * purchases.random.nextDouble());
      rows.add(purchases.payment(customer, shop, amount, at, FraudPattern.CARD_TESTING, device));
      at +=
          slow
              ? (2 + purchases.random.nextInt(19)) * MINUTE
              : 15_000 + purchases.random.nextInt(105_000);
    }
    return rows;
  }

  List<Planned> accountTakeover(int customer, long t) {
    SyntheticCustomer c = purchases.world.customers().get(customer);
    // Mostly at night while the owner sleeps; some takeovers happen in the day and at a shop the
    // owner uses, which only the amount and the pace give away.
    long at = purchases.random.nextDouble() < DAYTIME_TAKEOVER_SHARE ? t : nextNight(c, t);
    List<SyntheticMerchant> usual =
        c.favouriteMerchants().stream().filter(SyntheticMerchant::online).toList();
    List<SyntheticMerchant> pool =
        purchases.world.merchantsOf(RESOLD).stream()
            .filter(m -> !c.favouriteMerchants().contains(m))
            .filter(m -> m.online() || c.homeCity().equals(m.city()))
            .toList();
    if (!usual.isEmpty() && purchases.random.nextDouble() < USUAL_SHOP_TAKEOVER_SHARE) {
      pool = usual;
    } else if (pool.isEmpty()) {
      pool = purchases.world.merchantsOf(RESOLD);
    }
    int count = 1 + purchases.random.nextInt(3);
    List<Planned> rows = new ArrayList<>(count);
    String device = purchases.devices.fraudster();
    for (int i = 0; i < count; i++) {
      SyntheticMerchant shop = pool.get(purchases.random.nextInt(pool.size()));
      double amount =
          WorldBuilder.cents(c.usualAmount() * (3 + 12 * purchases.random.nextDouble()));
      rows.add(
          purchases.payment(customer, shop, amount, at, FraudPattern.ACCOUNT_TAKEOVER, device));
      at += (3 + purchases.random.nextInt(23)) * MINUTE;
    }
    return rows;
  }

  private long nextNight(SyntheticCustomer c, long t) {
    ZonedDateTime local = Instant.ofEpochMilli(t).atZone(c.timeZone());
    ZonedDateTime night =
        local
            .toLocalDate()
            .atStartOfDay(c.timeZone())
            .plusHours(1 + purchases.random.nextInt(4))
            .plusMinutes(purchases.random.nextInt(60));
    return (night.isAfter(local) ? night : night.plusDays(1)).toInstant().toEpochMilli();
  }

  List<Planned> impossibleTravel(int customer, long t) {
    Planned near = purchases.located(customer, t);
    double lat = near.row().transaction().latitude();
    double lon = near.row().transaction().longitude();
    List<City> far =
        City.ALL.stream().filter(city -> city.distanceKm(lat, lon) >= MIN_TRAVEL_KM).toList();
    City city = far.get(purchases.random.nextInt(far.size()));
    List<SyntheticMerchant> there = purchases.physicalIn(city.name(), purchases.world.merchants());
    SyntheticMerchant shop = there.get(purchases.random.nextInt(there.size()));
    SyntheticCustomer c = purchases.world.customers().get(customer);
    double amount =
        shop.category() == MerchantCategory.ATM
            ? 100.0 * (1 + purchases.random.nextInt(5))
            : WorldBuilder.cents(c.usualAmount() * (1 + 4 * purchases.random.nextDouble()));
    long later = t + (5 + purchases.random.nextInt(236)) * MINUTE;
    // A cloned card at a terminal: no device of the customer's is involved.
    return List.of(
        near,
        purchases.payment(customer, shop, amount, later, FraudPattern.IMPOSSIBLE_TRAVEL, null));
  }

  /** Null when the customer has already used every category. */
  Planned unusualCategory(int customer, long t) {
    SyntheticCustomer c = purchases.world.customers().get(customer);
    Set<MerchantCategory> unused = EnumSet.allOf(MerchantCategory.class);
    unused.removeAll(c.usualCategories());
    unused.removeAll(purchases.states[customer].usedCategories);
    if (unused.isEmpty()) {
      return null;
    }
    List<MerchantCategory> options = List.copyOf(unused);
    MerchantCategory category = options.get(purchases.random.nextInt(options.size()));
    List<SyntheticMerchant> all = purchases.world.merchantsOf(category);
    List<SyntheticMerchant> reachable =
        all.stream().filter(m -> m.online() || c.homeCity().equals(m.city())).toList();
    List<SyntheticMerchant> pool = reachable.isEmpty() ? all : reachable;
    SyntheticMerchant shop = pool.get(purchases.random.nextInt(pool.size()));
    double amount =
        WorldBuilder.cents(
            c.usualAmount()
                * category.amountFactor()
                * (1.5 + 3.5 * purchases.random.nextDouble()));
    return purchases.payment(
        customer, shop, Math.max(amount, 1.0), t, FraudPattern.UNUSUAL_CATEGORY);
  }
}
