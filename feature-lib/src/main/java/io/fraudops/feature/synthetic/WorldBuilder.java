package io.fraudops.feature.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Places merchants and customers. Only draws from the given Random, so a seed fixes the world. */
final class WorldBuilder {

  private static final Weighted<City> CITIES = new Weighted<>(City.ALL, City::weight);
  private static final Weighted<MerchantCategory> BY_POPULARITY =
      new Weighted<>(Arrays.asList(MerchantCategory.values()), MerchantCategory::popularity);
  // Merchants are spread more evenly than customers' habits, so rare categories still have a few.
  private static final Weighted<MerchantCategory> MERCHANT_MIX =
      new Weighted<>(Arrays.asList(MerchantCategory.values()), c -> c.popularity() + 2);
  private static final List<MerchantCategory> STREET_CATEGORIES =
      List.of(
          MerchantCategory.GROCERY,
          MerchantCategory.RESTAURANTS,
          MerchantCategory.CLOTHING,
          MerchantCategory.ELECTRONICS,
          MerchantCategory.FUEL);
  private static final double NIGHT_OWL_SHARE = 0.08;

  private WorldBuilder() {}

  static List<SyntheticMerchant> merchants(Random random, int count) {
    List<SyntheticMerchant> merchants = new ArrayList<>(count);
    // Every category and every city gets one merchant first, so no scenario ever lacks a merchant.
    for (MerchantCategory category : MerchantCategory.values()) {
      merchants.add(
          merchant(
              random,
              merchants.size() + 1,
              category,
              category.onlineShare() >= 0.5,
              CITIES.draw(random)));
    }
    for (City city : City.ALL) {
      MerchantCategory category = STREET_CATEGORIES.get(random.nextInt(STREET_CATEGORIES.size()));
      merchants.add(merchant(random, merchants.size() + 1, category, false, city));
    }
    while (merchants.size() < count) {
      MerchantCategory category = MERCHANT_MIX.draw(random);
      merchants.add(
          merchant(
              random,
              merchants.size() + 1,
              category,
              random.nextDouble() < category.onlineShare(),
              CITIES.draw(random)));
    }
    return merchants;
  }

  static SyntheticCustomer customer(Random random, int number, List<SyntheticMerchant> merchants) {
    City home = CITIES.draw(random);
    String card = CardNumbers.next(random);
    double lat = jitter(random, home.latitude(), 0.06);
    double lon =
        jitter(
            random, home.longitude(), 0.06 / StrictMath.cos(StrictMath.toRadians(home.latitude())));
    double usual =
        cents(clamp(StrictMath.exp(StrictMath.log(45) + 0.5 * random.nextGaussian()), 8, 400));
    int from = 6 + random.nextInt(4);
    int to =
        random.nextDouble() < NIGHT_OWL_SHARE ? 24 + random.nextInt(3) : 19 + random.nextInt(5);
    double activity = StrictMath.exp(0.6 * random.nextGaussian());
    Set<MerchantCategory> categories = EnumSet.of(MerchantCategory.GROCERY);
    int wanted = 3 + random.nextInt(4);
    while (categories.size() < wanted) {
      categories.add(BY_POPULARITY.draw(random));
    }
    List<SyntheticMerchant> favourites = new ArrayList<>();
    for (MerchantCategory category : categories) {
      List<SyntheticMerchant> nearby =
          merchants.stream()
              .filter(m -> m.category() == category && (m.online() || home.name().equals(m.city())))
              .toList();
      List<SyntheticMerchant> pool =
          nearby.isEmpty()
              ? merchants.stream().filter(m -> m.category() == category).toList()
              : nearby;
      int picks = 1 + random.nextInt(2);
      for (int i = 0; i < picks; i++) {
        SyntheticMerchant pick = pool.get(random.nextInt(pool.size()));
        if (!favourites.contains(pick)) {
          favourites.add(pick);
        }
      }
    }
    return new SyntheticCustomer(
        String.format("C%06d", number),
        card,
        home.name(),
        home.country(),
        lat,
        lon,
        home.zone(),
        usual,
        from,
        to,
        activity,
        categories,
        favourites);
  }

  private static SyntheticMerchant merchant(
      Random random, int number, MerchantCategory category, boolean online, City city) {
    String id = String.format("M%05d", number);
    if (online) {
      return new SyntheticMerchant(
          id, category, null, city.country(), city.currency(), null, null, true);
    }
    double lat = jitter(random, city.latitude(), 0.08);
    double lon =
        jitter(
            random, city.longitude(), 0.08 / StrictMath.cos(StrictMath.toRadians(city.latitude())));
    return new SyntheticMerchant(
        id, category, city.name(), city.country(), city.currency(), lat, lon, false);
  }

  // Four decimals (about 10 m) is what a terminal reports, and keeps payloads short.
  static double jitter(Random random, double centre, double sigma) {
    return BigDecimal.valueOf(centre + sigma * random.nextGaussian())
        .setScale(4, RoundingMode.HALF_UP)
        .doubleValue();
  }

  static double cents(double amount) {
    return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  static City city(String name) {
    return City.ALL.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no city " + name));
  }
}
